//! 流程流转的中文（zh-CN）文案。

use super::WorkflowKey;

pub fn text(key: WorkflowKey) -> &'static str {
    use WorkflowKey::*;
    match key {
        Heading => "流程：{0}",
        Step => "当前步骤：{0}",
        StepDue => "本步骤截止：{0}",
        History => "流转记录",
        MoveStart => "从「{0}」开始",
        MovePass => "流转：{0} → {1}",
        MoveReturn => "退回：{0} → {1}",
        MoveBy => "交给 {0}，操作人 {1}",
        NextStep => "下一步",
        Handler => "处理人",
        Pass => "流转",
        LastStep => "这是最后一步。",
        OnlyOpen => "工单处理中时才能流转。",
        ReturnTo => "退回到「{0}」（{1}）",
        Reason => "退回原因",
        Return => "退回上一步",
        Missing => "流转前请填写：{0}",
        NoWorkflow => "该工单已不在流程中。",
        NoPrevious => "工单在起始步骤，无法退回。",
        ChangeStep => "流程步骤",
        ChangeReturn => "退回上一步",
        AdminTitle => "流程",
        #[cfg(feature = "admin")]
        AdminIntro => "每种工单类型一个流程：该类型的新工单从第一步开始，由该步骤的处理组处理。",
        #[cfg(feature = "admin")]
        AdminNone => "还没有流程。",
        #[cfg(feature = "admin")]
        AdminNew => "新建流程",
        #[cfg(feature = "admin")]
        AdminEdit => "编辑",
        #[cfg(feature = "admin")]
        AdminDelete => "删除",
        #[cfg(feature = "admin")]
        AdminConfirmDelete => "删除流程「{0}」？其中的工单将离开该流程。",
        #[cfg(feature = "admin")]
        AdminSave => "保存",
        #[cfg(feature = "admin")]
        AdminCancel => "取消",
        #[cfg(feature = "admin")]
        AdminName => "名称",
        #[cfg(feature = "admin")]
        AdminType => "工单类型",
        #[cfg(feature = "admin")]
        AdminSteps => "步骤（按顺序）",
        #[cfg(feature = "admin")]
        AdminAddStep => "添加步骤",
        #[cfg(feature = "admin")]
        AdminRemoveStep => "删除步骤 {0}",
        #[cfg(feature = "admin")]
        AdminMoveUp => "上移步骤 {0}",
        #[cfg(feature = "admin")]
        AdminMoveDown => "下移步骤 {0}",
        #[cfg(feature = "admin")]
        AdminKey => "标识",
        #[cfg(feature = "admin")]
        AdminStepName => "步骤名称",
        #[cfg(feature = "admin")]
        AdminGroup => "处理组",
        #[cfg(feature = "admin")]
        AdminRequired => "必填字段",
        #[cfg(feature = "admin")]
        AdminSla => "步骤时限（分钟）",
        #[cfg(feature = "admin")]
        AdminNext => "可流转到",
        #[cfg(feature = "admin")]
        AdminSaved => "流程已保存。",
        #[cfg(feature = "admin")]
        AdminTypeTaken => "该工单类型已有流程。",
    }
}
