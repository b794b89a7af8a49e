//! Starts the Annota single-page app.

#[cfg(target_arch = "wasm32")]
fn main() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        annota::bridge::crash::stopped();
    }));
    yew::Renderer::<annota::app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Annota runs in the browser: build it with `make serve` (Trunk).");
}
