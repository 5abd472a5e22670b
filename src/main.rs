//! Entry point of the help center's wasm (`index.html`; the agent workspace has its own, see
//! `src/bin/baton-agent.rs`): panics go to the browser console in debug builds, and the app
//! mounts on `<body>`.

fn main() {
    // Panic messages in the console are for development: the hook and its formatting cost
    // release builds several KB, and a release panic aborts all the same.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(baton::App);
}
