//! The dev server's HTTP side: files from the in-memory snapshot, the live-reload
//! WebSocket, and the script (with the error overlay) injected into HTML responses.

use super::{Event, Found, Shared};
use crate::diag::Lang;
use crate::diag::catalogue::run as says;
use axum::Router;
use axum::extract::State;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

const RELOAD_PATH: &str = "/__gigboard/livereload";

pub async fn serve(listener: super::guard::Guarded, shared: Shared) -> std::io::Result<()> {
    let app = Router::new()
        .route(RELOAD_PATH, get(socket))
        .fallback(get(file))
        .with_state(shared);
    axum::serve(listener, app).await
}

/// The live-reload socket, for the server's own pages only: a page of another site
/// open in the same browser may not listen in (browsers send `Origin` with every
/// WebSocket request; it must name this server's own address).
async fn socket(
    State(shared): State<Shared>,
    headers: axum::http::HeaderMap,
    upgrade: WebSocketUpgrade,
) -> Response {
    if !same_origin(&headers) {
        return (StatusCode::FORBIDDEN, "not from this server's pages").into_response();
    }
    upgrade.on_upgrade(move |ws| push_events(ws, shared))
}

/// Whether the request's `Origin` is `http://` and its own `Host` (no Origin: not a
/// browser page, so no other site's).
fn same_origin(headers: &axum::http::HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    let origin = origin.to_str().ok();
    matches!((origin, host), (Some(o), Some(h)) if o.strip_prefix("http://") == Some(h))
}

/// Tells an open page about reloads and errors, and pings it now and then so that its
/// socket is not closed as idle between edits (the browser answers pings by itself).
async fn push_events(mut ws: WebSocket, shared: Shared) {
    let mut events = shared.events.subscribe();
    let mut ping = tokio::time::interval(shared.keepalive);
    ping.tick().await;
    loop {
        let message = tokio::select! {
            event = events.recv() => match event {
                Ok(Event::Reload) => Message::Text(serde_json::json!({"reload": true}).to_string().into()),
                Ok(Event::Error(e)) => Message::Text(serde_json::json!({"error": e}).to_string().into()),
                Err(_) => break,
            },
            _ = ping.tick() => Message::Ping(Vec::new().into()),
        };
        if ws.send(message).await.is_err() {
            break;
        }
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "geojson" => "application/geo+json",
        "xml" => "application/xml",
        "csv" => "text/csv; charset=utf-8",
        "ics" => "text/calendar; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `%E5%86%B7` → the UTF-8 text it encodes.
/// Where a folder asked for without its `/` is sent: relative to the request
/// (`./name/`), so that `//host/x` can never become a protocol-relative address
/// that leads to another host.
fn folder_location(path: &str) -> String {
    let last = path.rsplit('/').next().unwrap_or("");
    format!("./{last}/")
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The script every served HTML page gets: reload on rebuild, show build errors.
fn reload_script(error: Option<&str>, lang: Lang) -> String {
    let json = |text: &str| {
        serde_json::to_string(text)
            .unwrap_or_else(|_| "\"\"".into())
            .replace('<', "\\u003c")
    };
    let heading = json(&format!("{}\n\n", says::SERVE_OVERLAY.msg().text(lang)));
    let error = error.map_or_else(|| "null".to_string(), json);
    format!(
        r#"<script>(function(){{var first={error};function show(t){{var d=document.getElementById("gigboard-error");if(!t){{if(d)d.remove();return}}if(!d){{d=document.createElement("pre");d.id="gigboard-error";d.setAttribute("role","alert");d.style.cssText="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;margin:0;padding:1rem;background:#7a0010;color:#fff;font:16px/1.5 monospace;white-space:pre-wrap;z-index:99999";document.body.appendChild(d)}}d.textContent={heading}+t}}if(first)show(first);function connect(){{var ws=new WebSocket((location.protocol==="https:"?"wss://":"ws://")+location.host+"{RELOAD_PATH}");ws.onmessage=function(e){{var m=JSON.parse(e.data);if(m.reload)location.reload();else if(m.error)show(m.error)}};ws.onclose=function(){{setTimeout(connect,1000)}}}}connect()}})();</script>"#
    )
}

fn inject(html: &[u8], error: Option<&str>, lang: Lang) -> Vec<u8> {
    let script = reload_script(error, lang);
    let text = String::from_utf8_lossy(html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{script}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{script}").into_bytes(),
    }
}

async fn file(State(shared): State<Shared>, uri: Uri) -> Response {
    let path = percent_decode(uri.path());
    let rel = path.trim_start_matches('/').to_string();
    let (site, error) = match shared.snapshot.read() {
        Ok(snap) => (snap.site.clone(), snap.error.clone()),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let Some(site) = site else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            says::SERVE_NO_SITE.msg().text(shared.lang).to_string(),
        )
            .into_response();
    };
    // A page not asked for since the last change is rendered now, off the async thread.
    let found = match tokio::task::spawn_blocking(move || site.resolve(&rel)).await {
        Ok(found) => found,
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    let (key, status, bytes) = match found {
        Found::File { path, bytes } => (path, StatusCode::OK, bytes),
        Found::NotFound(Some(bytes)) => ("404.html".to_string(), StatusCode::NOT_FOUND, bytes),
        Found::NotFound(None) => return (StatusCode::NOT_FOUND, "not found").into_response(),
        Found::Redirect => {
            // Relative links inside the page only work from the folder's own address.
            let location = HeaderValue::from_str(&folder_location(uri.path()))
                .unwrap_or(HeaderValue::from_static("./"));
            return (
                StatusCode::PERMANENT_REDIRECT,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        Found::Failed(e) => {
            eprintln!("{e}");
            return (StatusCode::INTERNAL_SERVER_ERROR, e).into_response();
        }
    };
    let body = if key.ends_with(".html") {
        inject(&bytes, error.as_deref(), shared.lang)
    } else {
        bytes.to_vec()
    };
    (
        status,
        [
            (header::CONTENT_TYPE, content_type(&key)),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_redirect_stays_on_this_server() {
        assert_eq!(folder_location("/jobs"), "./jobs/");
        assert_eq!(folder_location("//jobs"), "./jobs/");
        assert_eq!(folder_location("//evil.example/jobs"), "./jobs/");
        assert_eq!(folder_location("/markets/a:b"), "./a:b/");
    }

    #[test]
    fn the_reload_socket_takes_only_this_server_s_pages() {
        let with = |origin: Option<&str>| {
            let mut h = axum::http::HeaderMap::new();
            h.insert(header::HOST, HeaderValue::from_static("127.0.0.1:1111"));
            if let Some(o) = origin {
                h.insert(header::ORIGIN, HeaderValue::from_str(o).expect("header"));
            }
            same_origin(&h)
        };
        assert!(with(None));
        assert!(with(Some("http://127.0.0.1:1111")));
        assert!(!with(Some("http://evil.example")));
        assert!(!with(Some("http://127.0.0.1:1112")));
        assert!(!with(Some("null")));
    }

    #[test]
    fn decodes_chinese_paths() {
        assert_eq!(
            percent_decode("/search/?q=%E5%86%B7%E5%BA%93"),
            "/search/?q=冷库"
        );
        assert_eq!(percent_decode("/a%2"), "/a%2");
    }

    #[test]
    fn script_goes_before_body_end_and_cannot_close_itself() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            Some("</script><b>"),
            Lang::Zh,
        ))
        .expect("utf8");
        assert!(out.contains("<p>x</p><script>"));
        assert!(out.ends_with("</script></body></html>"));
        assert!(!out.contains("</script><b>"));
    }
}
