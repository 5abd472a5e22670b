//! Notifications (issue 13, capability `notifications`): the signed-in user's inbox, marking read
//! and preferences. Each call only ever reads or changes the caller's own.

use super::query::Query;
use super::{Api, ApiError, JsonBody};
use baton_core::{MarkRead, NotificationPage, NotificationPreferences, UnreadCount};

impl Api {
    /// `GET /notifications`: newest first, after `cursor`, with the unread count.
    pub async fn notifications(&self, cursor: Option<&str>, limit: Option<u32>) -> Result<NotificationPage, ApiError> {
        let params = Query::default().page(cursor, limit).into_pairs();
        self.fetch(self.get("/notifications").query(params).build()).await
    }

    /// `POST /notifications/read`: these ids, or all; what is still unread.
    pub async fn mark_notifications_read(&self, body: &MarkRead) -> Result<UnreadCount, ApiError> {
        self.fetch(self.post("/notifications/read").json_body(body)).await
    }

    /// `GET /me/notification-preferences`.
    pub async fn notification_preferences(&self) -> Result<NotificationPreferences, ApiError> {
        self.fetch(self.get("/me/notification-preferences").build()).await
    }

    /// `PUT /me/notification-preferences`: all of them as stored after.
    pub async fn put_notification_preferences(&self, body: &NotificationPreferences) -> Result<NotificationPreferences, ApiError> {
        self.fetch(self.put("/me/notification-preferences").json_body(body)).await
    }
}
