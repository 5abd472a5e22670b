//! Entry point of the agent workspace's wasm (`agent.html`, served for `/agent` and below): a
//! bundle of its own so that customers never download it. Panics go to the browser console in
//! debug builds.

fn main() {
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(baton::AgentApp);
}
