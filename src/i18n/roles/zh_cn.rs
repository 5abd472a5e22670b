//! Simplified Chinese (zh-CN) texts of the roles page.

use super::RoleKey;
use baton_core::Permission as P;

pub fn text(key: RoleKey) -> &'static str {
    use RoleKey::*;
    match key {
        Title => "角色",
        Intro => "角色是一组权限。内置角色不可更改；自定义角色在处理本组工单之外，只给持有者勾选的权限。您只能授予自己拥有的权限。",
        Builtin => "内置",
        Members => "{0} 人",
        New => "新建角色",
        Edit => "编辑角色",
        Name => "名称",
        Permissions => "权限",
        InUse => "“{0}”仍有员工使用：请先为他们更换角色。",
        NoPermissions => "仅处理本组工单",
        NoCustom => "还没有自定义角色。",
        Perm(p) => match p {
            P::TicketsSeeAll => "查看所有组的工单",
            P::TicketsDelete => "删除、恢复和挂起工单",
            P::TicketsRevealConfidential => "查看保密信息（每次查看都会记录）",
            P::TicketsBulk => "批量修改工单",
            P::ViewsManagePublic => "管理公共视图和共享快捷回复",
            P::CustomersManage => "登记和编辑客户",
            P::CustomersImport => "批量导入客户",
            P::KbWrite => "编写知识库文章",
            P::ReportsView => "查看报表",
            P::ReportsExport => "导出报表",
            P::SettingsManage => "配置服务台：类型、分派、SLA、流程、自动化和设置",
            P::AgentsManage => "邀请客服并分配角色",
        },
    }
}
