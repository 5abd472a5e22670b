//! Entry point of the admin console's wasm (`admin.html`, served for `/admin` and below): a bundle
//! of its own so that agents, who open the console all day, do not download the admin pages.
//! Panics go to the browser console in debug builds.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(baton::AdminApp);
}
