//! The texts of workflows (issue 13, 流程流转): the ticket page's workflow panel, the thread's
//! workflow entries and the admin page `/admin/workflows`. Reached as `Key::Workflow(…)`; each
//! locale is one exhaustive `match`, so a missing translation is a compile error.

mod en;
mod zh_cn;

/// One translatable text of workflows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WorkflowKey {
    // The ticket's panel.
    Heading,
    Step,
    StepDue,
    History,
    MoveStart,
    MovePass,
    MoveReturn,
    MoveBy,
    NextStep,
    Handler,
    Pass,
    LastStep,
    OnlyOpen,
    ReturnTo,
    Reason,
    Return,
    Missing,
    NotOpen,
    NoWorkflow,
    NoPrevious,
    // The thread's entries.
    ChangeStep,
    ChangeReturn,
    // The admin page.
    AdminTitle,
    AdminIntro,
    AdminNone,
    AdminNew,
    AdminEdit,
    AdminDelete,
    AdminConfirmDelete,
    AdminSave,
    AdminCancel,
    AdminName,
    AdminType,
    AdminSteps,
    AdminAddStep,
    AdminRemoveStep,
    AdminMoveUp,
    AdminMoveDown,
    AdminKey,
    AdminStepName,
    AdminGroup,
    AdminRequired,
    AdminSla,
    AdminNext,
    AdminSaved,
    AdminTypeTaken,
}

registered_keyset!(WorkflowKey, Workflow);

pub(super) fn register() {
    register_texts();
}
