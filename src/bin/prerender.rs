//! Writes a static HTML page for every address of the app into Trunk's build (a `post_build`
//! hook in Trunk.toml runs it, before `postbuild.mjs` hashes the inline scripts):
//! `en/service/iin/index.html` and so on, the site root's `index.html`, `share/index.html` and
//! `404.html`. Each is Trunk's `index.html` with the page's own language, title, description,
//! canonical and alternate links, asset URLs made relative to its folder, and the page rendered
//! by the app's own components (`ui::prerender`). No browser is needed.
//!
//!     cargo run --features ssr --bin prerender -- DIR      (DIR: Trunk's staging directory)

use std::path::{Path, PathBuf};
use std::{env, fs, process};

use expat_navigator::domain::lang::Lang;
use expat_navigator::route::Address;
use expat_navigator::ui::prerender::{Kind, StaticPage, all_pages};

/// Where the app's page goes in Trunk's `index.html`.
const BODY_MARKER: &str = "<!-- static page -->";
/// The saved language: `ui/state.rs` never reads it; only the script below does.
const LANG_KEY: &str = "expat-navigator.lang";
/// The site root as the live app found it (`platform::location::SITE_ROOT_KEY`).
const SITE_ROOT_KEY: &str = "expat-navigator.site-root";

fn main() {
    let dir = env::args()
        .nth(1)
        .or_else(|| env::var("TRUNK_STAGING_DIR").ok())
        .map(PathBuf::from)
        .unwrap_or_else(|| fail("usage: prerender DIR (Trunk's staging directory)"));
    let template_path = dir.join("index.html");
    let template = fs::read_to_string(&template_path)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", template_path.display())));
    if !template.contains(BODY_MARKER) {
        fail(&format!("{} has no {BODY_MARKER}", template_path.display()));
    }
    // Absolute addresses for canonical and alternate links where the site's URL is known.
    let site_url = env::var("SITE_URL")
        .ok()
        .filter(|u| !u.is_empty())
        .map(|u| if u.ends_with('/') { u } else { format!("{u}/") });
    let pages = all_pages();
    // A release build registers the service worker from every page (a debug build's would fight
    // `trunk serve`'s live reload).
    let release = env::var("TRUNK_PROFILE").is_ok_and(|p| p == "release");
    let script = head_script(&pages, release);
    for page in &pages {
        let html = page_html(&template, page, &script, site_url.as_deref());
        let path = dir.join(&page.file);
        write(&path, &html);
    }
    if let Some(site) = &site_url {
        write(&dir.join("sitemap.xml"), &sitemap(site, &pages));
    }
    println!("prerender: {} static pages", pages.len());
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1)
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap_or_else(|e| fail(&format!("{}: {e}", parent.display())));
    }
    fs::write(path, text).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
}

/// Trunk's page, made into `page`.
fn page_html(template: &str, page: &StaticPage, script: &str, site_url: Option<&str>) -> String {
    let mut html = relative_assets(template, &page.to_root);
    if page.address.route.is_desk() {
        html = desk_build(&html);
    }
    if page.kind == Kind::NotFound {
        html = without_app(&html);
    } else if !page.address.route.depends_on_answers() {
        // A page complete without the app is read first: its HTML and CSS have the connection
        // to themselves until it is painted, then the loader fetches the wasm (no preload), at
        // low priority, behind anything the page itself still loads.
        html = remove_span(&html, "<link rel=\"preload\"", ">");
        html = html.replacen(
            "const wasm = await init(",
            "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\nconst wasm = await init(",
            1,
        );
        html = low_priority_wasm(&html);
    }
    let neutral = match page.kind {
        Kind::Page => "",
        Kind::NeutralHome => r#" data-neutral="home""#,
        Kind::NeutralShare => r#" data-neutral="share""#,
        Kind::NotFound => r#" data-neutral="404""#,
    };
    html = html.replacen(
        "<html lang=\"en\">",
        &format!("<html lang=\"{}\"{neutral}>", page.address.lang.code()),
        1,
    );
    html = replace_between(&html, "<title>", "</title>", |_| escape(&page.title));
    html = replace_between(
        &html,
        "<meta name=\"description\" content=\"",
        "\">",
        |_| escape(&page.description),
    );
    // The script first: it may send the reader on before anything else loads.
    let head = format!(
        "{}<script>{script}</script>\n",
        base_for_404(page, site_url),
    );
    html = html.replacen("<title>", &format!("{head}  <title>"), 1);
    html = html.replacen("</head>", &format!("{}</head>", links(page, site_url)), 1);
    let body = match page.kind {
        // Under the `<base>`, "#main" would lead to the site root.
        Kind::NotFound => remove_span(&page.body, "<a href=\"#main\" class=\"skip-link\">", "</a>"),
        _ => page.body.clone(),
    };
    html.replacen(BODY_MARKER, &format!("<div id=\"boot\">{body}</div>"), 1)
}

/// Trunk writes asset URLs relative to the site root (`./app-1234.js`, `favicon.svg`); a page
/// in a folder needs them relative to that folder, so that the site works under any sub-path.
fn relative_assets(template: &str, to_root: &str) -> String {
    let mut html = String::with_capacity(template.len());
    let mut rest = template;
    // Attributes in tags, and the module paths in Trunk's loader script.
    while let Some(at) = ["href=\"", "src=\"", "'./"]
        .iter()
        .filter_map(|p| rest.find(p).map(|i| (i, *p)))
        .min()
    {
        let (i, pattern) = at;
        html.push_str(&rest[..i + pattern.len()]);
        rest = &rest[i + pattern.len()..];
        if pattern == "'./" {
            html.truncate(html.len() - 2);
            html.push_str(if to_root.is_empty() { "./" } else { to_root });
            continue;
        }
        let url_end = rest.find('"').unwrap_or(rest.len());
        let url = &rest[..url_end];
        // Empty is "this page" (the crash screen's reload link).
        let is_relative =
            !(url.is_empty() || url.starts_with('/') || url.starts_with('#') || url.contains(':'));
        if is_relative {
            html.push_str(to_root);
            html.push_str(url.strip_prefix("./").unwrap_or(url));
            rest = &rest[url_end..];
        }
    }
    html.push_str(rest);
    html
}

/// The HR desk's pages load the desk's build of the app (`ui::Desk`) in place of the wizard's:
/// `expat-navigator-desk.js` and `_bg.wasm`, which postbuild.mjs then names by their content
/// (it adds the integrity attributes of the new names too).
fn desk_build(html: &str) -> String {
    const IMPORT: &str = "import init, * as bindings from '";
    let Some(wizard) = html
        .split_once(IMPORT)
        .and_then(|(_, rest)| rest.split_once(".js'"))
        .map(|(path, _)| path.rsplit('/').next().unwrap_or(path))
    else {
        fail("index.html has no Trunk loader to point at the desk's build")
    };
    let html = html.replace(wizard, "expat-navigator-desk");
    // Each tag on its own: the preload links share a line.
    let mut out = String::with_capacity(html.len());
    for tag in html.split_inclusive('>') {
        match tag.contains("expat-navigator-desk") {
            true => out.push_str(&without_integrity(tag)),
            false => out.push_str(tag),
        }
    }
    out
}

/// Trunk's loader, fetching the wasm at low priority (its `init` takes the response's promise).
fn low_priority_wasm(html: &str) -> String {
    const PATH: &str = "init({ module_or_path: '";
    let Some((before, rest)) = html.split_once(PATH) else {
        fail("index.html has no Trunk loader to fetch the wasm at low priority")
    };
    let Some((wasm, after)) = rest.split_once("' })") else {
        fail("Trunk's loader names its wasm in an unexpected form")
    };
    format!("{before}init({{ module_or_path: fetch('{wasm}', {{ priority: 'low' }}) }}){after}")
}

/// A tag without its `integrity` attribute.
fn without_integrity(tag: &str) -> String {
    const ATTRIBUTE: &str = " integrity=\"";
    let Some(from) = tag.find(ATTRIBUTE) else {
        return tag.to_owned();
    };
    let value = &tag[from + ATTRIBUTE.len()..];
    let to = value
        .find('"')
        .map_or(tag.len(), |end| tag.len() - value.len() + end + 1);
    format!("{}{}", &tag[..from], &tag[to..])
}

/// The 404 page is static: it loads no app (a page that was not found has nothing to run).
fn without_app(html: &str) -> String {
    let html = remove_span(html, "<link rel=\"modulepreload\"", ">");
    let html = remove_span(&html, "<link rel=\"preload\"", ">");
    remove_span(&html, "<script type=\"module\"", "</script>")
}

/// Removes the first span from `start` to the next `end`, both included.
fn remove_span(html: &str, start: &str, end: &str) -> String {
    let Some(from) = html.find(start) else {
        return html.to_owned();
    };
    match html[from..].find(end) {
        Some(len) => format!("{}{}", &html[..from], &html[from + len + end.len()..]),
        None => html.to_owned(),
    }
}

/// The 404 page is served at any depth: its script points this `<base>` at the site root. With
/// `SITE_URL` the root is known (`data-site`: the script leaves it); without, the base is `/`
/// until the script finds the root.
fn base_for_404(page: &StaticPage, site_url: Option<&str>) -> String {
    if page.kind != Kind::NotFound {
        return String::new();
    }
    let site_path = site_url
        .and_then(|url| url.split_once("://"))
        .and_then(|(_, rest)| rest.find('/').map(|i| &rest[i..]));
    match site_path {
        Some(path) => format!("<base href=\"{}\" data-site>\n  ", escape(path)),
        None => "<base href=\"/\">\n  ".to_owned(),
    }
}

/// Every page's path below its language folder without the trailing slash (`service/iin`,
/// the home page's empty), as one regular expression: what a path is when it is a page.
fn pages_pattern(pages: &[StaticPage]) -> String {
    let mut paths: Vec<String> = pages
        .iter()
        .filter(|p| p.kind == Kind::Page)
        .map(|p| p.address.route.path().trim_end_matches('/').to_owned())
        .collect();
    paths.sort();
    paths.dedup();
    // Ids are letters, digits and dashes: nothing to escape but the slash.
    format!("^(?:{})$", paths.join("|").replace('/', "\\/"))
}

/// The one inline script of every page (its hash is in the Content-Security-Policy):
/// - marks `<html class="js">`, so that a page says "loading" only where something will load;
/// - remembers the language chosen with the language switch;
/// - writes the address in its one form before any asset loads, as `route::normalize` reads it
///   (`%69` decoded, `//` and `/./` and a final `index.html` gone), so that the assets' URLs,
///   relative to the page's folder, resolve from the right folder;
/// - on the neutral addresses (English pages), picks the language (the saved choice, else the
///   first of the browser's languages that the app speaks, else English) and sends readers of
///   another language to their page: the site root to `kk/`, a share link to `kk/share/?...`;
///   and the site root's old `#/service/iin` links to `en/service/iin/` or `kk/service/iin/`;
///   the page it leaves is hidden, so the wrong page never flashes by;
/// - on the 404 page, finds the site root: the one the app remembered where the path is under
///   it, else the folder before the first language folder that is not followed by a page (the
///   host would have served that page), else `/`;
/// - in a release build, once the page has loaded, registers the service worker at the site root
///   (next to the web app manifest), so that a page works offline after one visit whether or not
///   the app ever ran on it.
fn head_script(pages: &[StaticPage], release: bool) -> String {
    let langs = Lang::ALL
        .iter()
        .map(|l| format!("\"{}\"", l.code()))
        .collect::<Vec<_>>()
        .join(",");
    let pattern = pages_pattern(pages);
    let register = if release {
        r#"
if("serviceWorker"in navigator)addEventListener("load",()=>{const m=document.querySelector("link[rel=manifest]");if(m)navigator.serviceWorker.register(new URL("sw.js",m.href)).catch(()=>{})});"#
    } else {
        ""
    };
    format!(
        r#"(()=>{{const K="{LANG_KEY}",L=[{langs}],d=document.documentElement,n=d.dataset.neutral,p=location.pathname;d.classList.add("js");
addEventListener("click",e=>{{const a=e.target.closest&&e.target.closest(".lang-switch a[hreflang]");if(a)try{{localStorage.setItem(K,a.hreflang)}}catch{{}}}},true);
const s=p.replace(/%[0-9A-Fa-f]{{2}}/g,m=>{{const x=String.fromCharCode(parseInt(m.slice(1),16));return/[\w.~-]/.test(x)?x:m}}).split("/").filter(x=>x&&x!=="."),f=p.endsWith("/")||s.at(-1)==="index.html";if(s.at(-1)==="index.html")s.pop();
const c="/"+s.join("/")+(f&&s.length?"/":"");
if(n==="404"){{const b=document.querySelector("base");if(b.hasAttribute("data-site"))return;let r=null;try{{r=localStorage.getItem("{SITE_ROOT_KEY}")}}catch{{}}
if(!(r&&c.startsWith(r))){{const i=s.findIndex((x,i)=>L.includes(x)&&!/{pattern}/.test(s.slice(i+1).join("/")));r="/"+(i<0?"":s.slice(0,i).map(x=>x+"/").join(""))}}b.href=r;return}}
if(c!==p)history.replaceState(history.state,"",c+location.search+location.hash);{register}
if(!n)return;let v=null;try{{v=localStorage.getItem(K)}}catch{{}}
const l=L.includes(v)?v:navigator.languages.map(x=>x.slice(0,2).toLowerCase()).find(x=>L.includes(x))||"en",h=location.hash.match(/^#\/([^?]*)(\?.*)?$/),go=u=>{{d.hidden=true;location.replace(u)}};
if(n==="share"){{if(l!=="en")go("../"+l+"/share/"+location.search)}}
else if(h)go(l+"/"+h[1].replace(/([^/])$/,"$1/")+(h[2]||""));
else if(l!=="en")go(l+"/")}})();"#
    )
}

/// Canonical and alternate links: each language's edition of the page, and the neutral one.
fn links(page: &StaticPage, site_url: Option<&str>) -> String {
    let url = |path: &str| match site_url {
        Some(site) => format!("{site}{path}"),
        None => format!("{}{path}", page.to_root),
    };
    let route = &page.address.route;
    match page.kind {
        Kind::NotFound => "  <meta name=\"robots\" content=\"noindex\">\n".into(),
        Kind::NeutralShare => String::new(),
        Kind::Page | Kind::NeutralHome => {
            let canonical = match page.kind {
                Kind::NeutralHome => url(""),
                _ => url(&page.address.path()),
            };
            let mut out = format!(
                "  <link rel=\"canonical\" href=\"{}\">\n",
                or_dot(&canonical)
            );
            for lang in Lang::ALL {
                let path = Address::new(lang, route.clone()).path();
                out.push_str(&format!(
                    "  <link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">\n",
                    lang.code(),
                    url(&path)
                ));
            }
            if *route == expat_navigator::route::Route::Home {
                out.push_str(&format!(
                    "  <link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">\n",
                    or_dot(&url(""))
                ));
            }
            out
        }
    }
}

/// An empty relative URL means "this folder".
fn or_dot(url: &str) -> &str {
    if url.is_empty() { "./" } else { url }
}

/// Every page in every language, for search engines (only with `SITE_URL`).
fn sitemap(site: &str, pages: &[StaticPage]) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages
        .iter()
        .filter(|p| p.kind == Kind::Page && !p.address.route.depends_on_answers())
    {
        xml.push_str(&format!(
            "  <url><loc>{site}{}</loc></url>\n",
            page.address.path()
        ));
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Replaces the text between the first `start` and the next `end` with `with(old)`.
fn replace_between(
    html: &str,
    start: &str,
    end: &str,
    with: impl FnOnce(&str) -> String,
) -> String {
    let Some(from) = html.find(start).map(|i| i + start.len()) else {
        return html.to_owned();
    };
    let Some(to) = html[from..].find(end).map(|i| from + i) else {
        return html.to_owned();
    };
    format!("{}{}{}", &html[..from], with(&html[from..to]), &html[to..])
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = r##"<link rel="stylesheet" href="./main-1.css"/><link rel="icon" href="favicon-2.svg"/>
<script type="module">
import init, * as bindings from './app-3.js';
const wasm = await init({ module_or_path: './app-3_bg.wasm' });
</script>
<a href="">reload</a><a href="#main">skip</a><a href="https://portal.aifc.kz/">portal</a><a href="/abs">abs</a>"##;

    #[test]
    fn asset_urls_become_relative_to_the_page_folder_and_nothing_else_changes() {
        let html = relative_assets(TRUNK, "../../");
        for url in [
            r#"href="../../main-1.css""#,
            r#"href="../../favicon-2.svg""#,
            "from '../../app-3.js'",
            "module_or_path: '../../app-3_bg.wasm'",
            r#"href="">reload"#,
            r##"href="#main""##,
            r#"href="https://portal.aifc.kz/""#,
            r#"href="/abs""#,
        ] {
            assert!(html.contains(url), "{url} in\n{html}");
        }
        // At the site root they point at the same files.
        let root = relative_assets(TRUNK, "");
        assert!(root.contains(r#"href="main-1.css""#) && root.contains("from './app-3.js'"));
    }

    #[test]
    fn the_404_page_loads_no_app() {
        let html = without_app(&format!(
            r#"<link rel="modulepreload" href="app.js"><link rel="preload" href="app_bg.wasm" as="fetch">{TRUNK}"#
        ));
        assert!(!html.contains("modulepreload") && !html.contains("preload"));
        assert!(!html.contains("<script type=\"module\""));
        assert!(html.contains("main-1.css"));
    }

    #[test]
    fn the_404_page_base_is_the_site_path() {
        let page = all_pages()
            .into_iter()
            .find(|p| p.kind == Kind::NotFound)
            .expect("a 404 page");
        assert!(base_for_404(&page, None).contains(r#"<base href="/">"#));
        assert!(
            base_for_404(&page, Some("https://example.org/expat/"))
                .contains(r#"<base href="/expat/" data-site>"#)
        );
    }

    #[test]
    fn the_pages_pattern_names_every_page_and_nothing_else() {
        let pattern = pages_pattern(&all_pages());
        for page in [
            "",
            "services",
            "service\\/iin",
            "q\\/need",
            "roster",
            "share",
        ] {
            assert!(
                pattern.contains(&format!("|{page}|"))
                    || pattern.contains(&format!("(?:{page}|"))
                    || pattern.contains(&format!("|{page})")),
                "{page} in {pattern}"
            );
        }
        assert!(!pattern.contains("404") && !pattern.contains('.'));
    }

    #[test]
    fn a_span_is_removed_once_with_its_ends() {
        assert_eq!(
            remove_span("a<x>b</x>c<x>d</x>", "<x>", "</x>"),
            "ac<x>d</x>"
        );
        assert_eq!(remove_span("abc", "<x>", "</x>"), "abc");
    }
}
