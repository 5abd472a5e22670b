//! [`Routes`]: the API's router together with the list of (method, path) pairs it serves, so
//! tests hold the served routes against spec/openapi.yaml in both directions.

use super::AppState;
use axum::handler::Handler;
use axum::http::Method;
use axum::routing::{delete, get, patch, post, put};
use axum::Router;

/// A router that remembers which (method, path) pairs it serves, so a test can hold them against
/// spec/openapi.yaml in both directions.
pub struct Routes {
    pub(super) router: Router<AppState>,
    pub(super) table: Vec<(Method, &'static str)>,
}

impl Routes {
    pub fn new() -> Self {
        Routes {
            router: Router::new(),
            table: Vec::new(),
        }
    }

    pub fn get<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::GET, path, get(handler))
    }

    pub fn post<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::POST, path, post(handler))
    }

    pub fn put<H: Handler<T, AppState>, T: 'static>(self, path: &'static str, handler: H) -> Self {
        self.add(Method::PUT, path, put(handler))
    }

    pub fn patch<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        handler: H,
    ) -> Self {
        self.add(Method::PATCH, path, patch(handler))
    }

    pub fn delete<H: Handler<T, AppState>, T: 'static>(
        self,
        path: &'static str,
        handler: H,
    ) -> Self {
        self.add(Method::DELETE, path, delete(handler))
    }

    fn add(
        mut self,
        method: Method,
        path: &'static str,
        route: axum::routing::MethodRouter<AppState>,
    ) -> Self {
        self.table.push((method, path));
        self.router = self.router.route(path, route);
        self
    }

    pub fn merge(mut self, other: Routes) -> Self {
        self.table.extend(other.table);
        self.router = self.router.merge(other.router);
        self
    }
}

impl Default for Routes {
    fn default() -> Self {
        Routes::new()
    }
}
