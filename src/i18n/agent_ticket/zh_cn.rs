//! 简体中文 (zh-CN) texts of the agent's ticket page.

use super::TicketKey;

pub fn text(key: TicketKey) -> &'static str {
    use TicketKey::*;
    match key {
        QuickReply => "快捷回复",
        QuickReplyChoose => "选择快捷回复…",
        QuickReplyInsert => "插入",
        QuickReplyHint => "插入到光标处，已填好客户姓名和工单编号，可继续编辑。",
        ShortcutsHint => "快捷键：{0} 回复，{1} 内部备注，{2} 完成。",
        TicketType => "工单大类",
        TicketSubtype => "工单小类",
        NoType => "未分类",
        CustomFields => "自定义字段",
        CcNone => "没有其他客服。",
        Channel => "渠道：{0}",
        ChannelWeb => "网页",
        ChannelWidget => "网页插件",
        ChannelPhone => "电话",
        ChannelEmail => "邮件",
        ChannelApi => "API",
        CustomerEmail => "邮箱：{0}",
        CustomerPhone => "电话：{0}",
        NoCustomerGroup => "无客户组",
        PhoneLink => "登记电话工单",
        PhoneTitle => "为来电客户登记工单",
        PhoneIntro => "先查找来电客户（或新建客户），再替客户填写工单。",
        CallerHeading => "来电客户",
        CustomerSearch => "查找客户",
        CustomerSearchHint => "姓名、邮箱或电话的一部分。",
        CustomerSearchButton => "搜索",
        CustomerNoMatch => "没有匹配的客户。",
        CustomerPick => "选择",
        NewCustomerHeading => "新建客户",
        CustomerName => "姓名",
        CustomerEmailLabel => "邮箱",
        CustomerPhoneLabel => "电话",
        CustomerCreate => "添加客户",
        CustomerCreated => "客户已添加。",
        CallerIs => "为 {0}（{1}）登记工单",
        ChangeCaller => "更换客户",
        PhoneTicketCreated => "工单已登记。",
        FormHeading => "工单",
        CustomerExists => "该邮箱的客户已存在，请直接搜索。",
    }
}
