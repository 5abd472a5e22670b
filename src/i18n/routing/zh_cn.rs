//! 客服组与分配页的中文（zh-CN）文案。

use super::RoutingKey;

pub fn text(key: RoutingKey) -> &'static str {
    use RoutingKey::*;
    match key {
        Title => "客服组与分配",
        Intro => "新工单交给它匹配的第一条分配规则所指的客服组，否则交给其小类的处理组。各组按自己的分配方式派单；设为离开的客服不会收到新工单。",
        Groups => "客服组",
        NoGroups => "还没有客服组。",
        NewGroup => "新建客服组",
        EditGroup => "编辑客服组",
        Mode => "分配方式",
        ModeManual => "手动：工单留在本组的“未分配”视图",
        ModeRoundRobin => "轮流：在岗成员依次分配",
        ModeLeastLoaded => "负载最少：分给未结工单最少的在岗成员",
        Members => "成员",
        NoMembers => "没有成员",
        Managers => "组长",
        ManagersHint => "组长可以查看并改派本组的工单和组员的工作。组长必须是本组成员。",
        Rules => "分配规则",
        NoRules => "没有分配规则：新工单交给其小类的处理组，或等待所有人处理。",
        NewRule => "新建规则",
        EditRule => "编辑规则",
        OrderHint => "规则从上到下依次尝试，新工单由第一条匹配的规则分配。",
        SendTo => "分配到客服组",
        Agent => "客服",
        ByMode => "按该组的分配方式",
        InUse => "“{0}”仍被分配规则、小类或流程步骤使用：请先修改它们。",
        Availability => "在岗状态",
        Available => "在岗：可以给我分配新工单",
        Away => "离开：分配时跳过我",
        AvailabilityHint => "此设置只影响自动分配；同事仍可把工单指派给你。",
    }
}
