//! Entry point of the wasm binary that Trunk builds: panics go to the browser console, and the
//! app mounts on `<body>`.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(baton::App);
}
