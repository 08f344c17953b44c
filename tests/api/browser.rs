//! A reusable headless-Chromium harness for browser tests: chromedriver on a free port, Chromium
//! headless with a throw-away profile, a fantoccini WebDriver client, and axe-core for
//! accessibility checks.
//!
//! Tools are looked up locally: `FLITS_TEST_CHROMIUM` / `FLITS_TEST_CHROMEDRIVER` or `chromium`
//! and `chromedriver` on the PATH, and `FLITS_TEST_AXE_JS` or
//! `${TMPDIR:-/tmp}/flits-ci-npm/node_modules/axe-core/axe.min.js` (where `.ci/run` installs it).
//! When something is missing a test is skipped with a message — except in CI (`CI=true` or
//! `FLITS_TEST_REQUIRE_ALL=1`), where it fails, so that browser tests cannot silently stop running
//! (see [`crate::skip`]).
//!
//! ```ignore
//! let Some(tools) = browser::tools_or_skip("my test") else { return };
//! let browser = browser::Browser::start(&tools, browser::Script::On).await;
//! browser.client.goto(&url).await.unwrap();
//! assert_eq!(browser.axe_violations().await, Vec::<serde_json::Value>::new());
//! browser.close().await;
//! ```

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder};
use serde_json::{Value, json};

/// What a browser test needs from the machine.
#[derive(Debug, Clone)]
pub struct BrowserTools {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    /// The source of `axe.min.js`.
    pub axe_source: String,
}

/// Whether pages may run JavaScript.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    On,
    Off,
}

fn on_path(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    for dir in std::env::split_paths(&path) {
        for name in names {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(candidate);
            }
        }
    }
    None
}

fn from_env_or_path(var: &str, names: &[&str]) -> Result<PathBuf, String> {
    if let Ok(p) = std::env::var(var)
        && !p.is_empty()
    {
        let p = PathBuf::from(p);
        return if p.is_file() {
            Ok(p)
        } else {
            Err(format!("{var} names {}, which does not exist", p.display()))
        };
    }
    on_path(names).ok_or_else(|| {
        format!(
            "none of {names:?} is on the PATH and {var} is not set (apt-get install -y chromium chromium-driver)"
        )
    })
}

/// Where `.ci/run` installs axe-core.
pub fn default_axe_path() -> PathBuf {
    let tmp = std::env::var_os("TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/tmp"));
    tmp.join("flits-ci-npm/node_modules/axe-core/axe.min.js")
}

/// Finds Chromium, chromedriver and axe-core.
pub fn tools() -> Result<BrowserTools, String> {
    let chromium = from_env_or_path(
        "FLITS_TEST_CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    )?;
    let chromedriver = from_env_or_path("FLITS_TEST_CHROMEDRIVER", &["chromedriver"])?;
    let axe_path = std::env::var("FLITS_TEST_AXE_JS")
        .ok()
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(default_axe_path);
    let axe_source = std::fs::read_to_string(&axe_path).map_err(|e| {
        format!(
            "axe-core not found at {} ({e}); npm install --prefix \"${{TMPDIR:-/tmp}}/flits-ci-npm\" axe-core, or set FLITS_TEST_AXE_JS",
            axe_path.display()
        )
    })?;
    Ok(BrowserTools {
        chromium,
        chromedriver,
        axe_source,
    })
}

/// The tools, or `None` after reporting why the test is skipped ([`crate::skip::skipped`], which
/// fails the test where every test must run).
pub fn tools_or_skip(test: &str) -> Option<BrowserTools> {
    match tools() {
        Ok(t) => Some(t),
        Err(why) => {
            crate::skip::skipped(test, &why);
            None
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// A running chromedriver with one Chromium session.
pub struct Browser {
    pub client: Client,
    driver: Child,
    axe_source: String,
    _profile: tempfile::TempDir,
}

impl Browser {
    /// Starts chromedriver on a free port and a headless Chromium with a fresh profile.
    pub async fn start(tools: &BrowserTools, script: Script) -> Browser {
        let port = free_port();
        let driver = Command::new(&tools.chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", tools.chromedriver.display()));
        let profile = tempfile::tempdir().unwrap();
        let mut chrome_options = json!({
            "binary": tools.chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1024,900",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        });
        if script == Script::Off {
            chrome_options["prefs"] =
                json!({"profile.managed_default_content_settings.javascript": 2});
        }
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("chrome"));
        caps.insert("goog:chromeOptions".into(), chrome_options);
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        let client = loop {
            let connector = hyper_util::client::legacy::connect::HttpConnector::new();
            match ClientBuilder::new(connector)
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(c) => break c,
                Err(e) if Instant::now() < deadline => {
                    let _ = e;
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => panic!("no WebDriver session on {url}: {e}"),
            }
        };
        Browser {
            client,
            driver,
            axe_source: tools.axe_source.clone(),
            _profile: profile,
        }
    }

    /// Whether the page may run scripts: checked on a tiny page that sets its title by script.
    pub async fn scripts_run(&self) -> bool {
        self.client
            .goto("data:text/html,<title>off</title><script>document.title='on'</script>")
            .await
            .unwrap();
        self.client.title().await.unwrap() == "on"
    }

    /// Runs axe-core on the current page (WCAG 2.0/2.1 A and AA rules and best practices) and
    /// returns the violations, each with its rule id, impact and the elements concerned.
    pub async fn axe_violations(&self) -> Vec<Value> {
        self.client
            .execute(&self.axe_source, Vec::new())
            .await
            .expect("axe-core loads");
        let result = self
            .client
            .execute_async(
                r#"const done = arguments[arguments.length - 1];
                   axe.run(document, {resultTypes: ['violations']})
                     .then(r => done(r.violations.map(v => ({
                        id: v.id, impact: v.impact, help: v.help,
                        nodes: v.nodes.map(n => n.target.join(' '))}))))
                     .catch(e => done([{id: 'axe-error', help: String(e)}]));"#,
                Vec::new(),
            )
            .await
            .expect("axe-core runs");
        match result {
            Value::Array(violations) => violations,
            other => panic!("axe-core gave no list of violations: {other}"),
        }
    }

    /// The current URL's path (and query).
    pub async fn path(&self) -> String {
        let url = self.client.current_url().await.unwrap();
        match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        }
    }

    /// Waits (up to 10 s) until the browser has navigated to a path starting with `prefix`.
    pub async fn wait_for_path(&self, prefix: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let path = self.path().await;
            if path.starts_with(prefix) {
                return path;
            }
            assert!(
                Instant::now() < deadline,
                "still at {path}, expected {prefix}…"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits (up to 10 s) until an element matching `css` is on the page.
    pub async fn wait_for(&self, css: &str) {
        self.client
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(fantoccini::Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("no {css} on the page: {e}"));
    }

    /// What `script` returns, as a number; panics when it is none.
    pub async fn number(&self, script: &str) -> f64 {
        self.client
            .execute(script, Vec::new())
            .await
            .unwrap()
            .as_f64()
            .unwrap_or_else(|| panic!("{script} gave no number"))
    }

    /// Saves the whole page, `width` wide, as `name` in the directory `FLITS_TEST_SCREENSHOTS`
    /// names, when it is set (for `docs/screenshots/`); the window keeps its size.
    pub async fn screenshot(&self, width: u32, name: &str) {
        let Some(dir) = std::env::var_os("FLITS_TEST_SCREENSHOTS") else {
            return;
        };
        let (_, _, kept_width, kept_height) = self.client.get_window_rect().await.unwrap();
        self.client.set_window_size(width, 900).await.unwrap();
        let height = self
            .number("return document.documentElement.scrollHeight;")
            .await;
        self.client
            .set_window_size(width, height as u32 + 100)
            .await
            .unwrap();
        let png = self.client.screenshot().await.unwrap();
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(std::path::Path::new(&dir).join(name), png).unwrap();
        self.client
            .set_window_size(kept_width as u32, kept_height as u32)
            .await
            .unwrap();
    }

    /// Ends the session and chromedriver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // On a failing assertion `close` is never reached: never leave chromedriver behind.
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
