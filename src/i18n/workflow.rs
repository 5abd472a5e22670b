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
    NoWorkflow,
    NoPrevious,
    // The thread's entries.
    ChangeStep,
    ChangeReturn,
    // The admin page (the admin bundle's only).
    AdminTitle,
    #[cfg(feature = "admin")]
    AdminIntro,
    #[cfg(feature = "admin")]
    AdminNone,
    #[cfg(feature = "admin")]
    AdminNew,
    #[cfg(feature = "admin")]
    AdminEdit,
    #[cfg(feature = "admin")]
    AdminDelete,
    #[cfg(feature = "admin")]
    AdminConfirmDelete,
    #[cfg(feature = "admin")]
    AdminSave,
    #[cfg(feature = "admin")]
    AdminCancel,
    #[cfg(feature = "admin")]
    AdminName,
    #[cfg(feature = "admin")]
    AdminType,
    #[cfg(feature = "admin")]
    AdminSteps,
    #[cfg(feature = "admin")]
    AdminAddStep,
    #[cfg(feature = "admin")]
    AdminRemoveStep,
    #[cfg(feature = "admin")]
    AdminMoveUp,
    #[cfg(feature = "admin")]
    AdminMoveDown,
    #[cfg(feature = "admin")]
    AdminKey,
    #[cfg(feature = "admin")]
    AdminStepName,
    #[cfg(feature = "admin")]
    AdminGroup,
    #[cfg(feature = "admin")]
    AdminRequired,
    #[cfg(feature = "admin")]
    AdminSla,
    #[cfg(feature = "admin")]
    AdminNext,
    #[cfg(feature = "admin")]
    AdminSaved,
    #[cfg(feature = "admin")]
    AdminTypeTaken,
}

registered_keyset!(WorkflowKey, Workflow);

pub(super) fn register() {
    register_texts();
}
