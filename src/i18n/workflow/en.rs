//! English (en) texts of workflows.

use super::WorkflowKey;

pub fn text(key: WorkflowKey) -> &'static str {
    use WorkflowKey::*;
    match key {
        Heading => "Workflow: {0}",
        Step => "Step: {0}",
        StepDue => "Step due {0}",
        History => "History",
        MoveStart => "Started at {0}",
        MovePass => "Passed on: {0} → {1}",
        MoveReturn => "Returned: {0} → {1}",
        MoveBy => "to {0}, by {1}",
        NextStep => "Next step",
        Handler => "Handler",
        Pass => "Pass on",
        LastStep => "This is the last step.",
        OnlyOpen => "Steps move only while the ticket is open.",
        ReturnTo => "Return to {0} ({1})",
        Reason => "Reason for returning",
        Return => "Return to previous step",
        Missing => "Fill in before passing on: {0}",
        NoWorkflow => "This ticket is no longer in a workflow.",
        NoPrevious => "This is the step the ticket started at.",
        ChangeStep => "Workflow step",
        ChangeReturn => "Returned to the previous step",
        AdminTitle => "Workflows",
        #[cfg(feature = "admin")]
        AdminIntro => "One workflow per ticket type: new tickets of the type start at its first step, in that step's group.",
        #[cfg(feature = "admin")]
        AdminNone => "No workflows yet.",
        #[cfg(feature = "admin")]
        AdminNew => "New workflow",
        #[cfg(feature = "admin")]
        AdminEdit => "Edit",
        #[cfg(feature = "admin")]
        AdminDelete => "Delete",
        #[cfg(feature = "admin")]
        AdminConfirmDelete => "Delete the workflow \"{0}\"? Its tickets leave it.",
        #[cfg(feature = "admin")]
        AdminSave => "Save",
        #[cfg(feature = "admin")]
        AdminCancel => "Cancel",
        #[cfg(feature = "admin")]
        AdminName => "Name",
        #[cfg(feature = "admin")]
        AdminType => "Ticket type",
        #[cfg(feature = "admin")]
        AdminSteps => "Steps, in order",
        #[cfg(feature = "admin")]
        AdminAddStep => "Add a step",
        #[cfg(feature = "admin")]
        AdminRemoveStep => "Remove step {0}",
        #[cfg(feature = "admin")]
        AdminMoveUp => "Move step {0} up",
        #[cfg(feature = "admin")]
        AdminMoveDown => "Move step {0} down",
        #[cfg(feature = "admin")]
        AdminKey => "Key",
        #[cfg(feature = "admin")]
        AdminStepName => "Step name",
        #[cfg(feature = "admin")]
        AdminGroup => "Handler group",
        #[cfg(feature = "admin")]
        AdminRequired => "Required fields",
        #[cfg(feature = "admin")]
        AdminSla => "Step SLA (minutes)",
        #[cfg(feature = "admin")]
        AdminNext => "Next steps",
        #[cfg(feature = "admin")]
        AdminSaved => "Workflow saved.",
        #[cfg(feature = "admin")]
        AdminTypeTaken => "This ticket type has a workflow already.",
    }
}
