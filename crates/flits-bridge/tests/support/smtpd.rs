//! A real SMTP server for e-mail tests: Python's aiosmtpd as a separate process, storing what it
//! receives in a maildir, and Python's own `email` package to read the messages back (MIME parts,
//! transfer encodings and encoded headers undone). Shared by the bridge's e-mail channel test and
//! the integration tests of the results e-mail.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running aiosmtpd, stopped (and its maildir removed) when dropped.
pub struct Smtpd {
    child: Child,
    pub port: u16,
    pub dir: PathBuf,
}

impl Drop for Smtpd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A port nothing listens on (for a relay that is down).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Whether aiosmtpd can run here.
pub fn available() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .status()
        .is_ok_and(|s| s.success())
}

/// One received message, as Python's `email` package reads it.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Received {
    pub to: String,
    pub from: String,
    pub subject: String,
    pub message_id: String,
    /// The top-level type, e.g. `multipart/alternative`.
    pub content_type: String,
    /// Every leaf part: its type and its decoded text.
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Part {
    pub content_type: String,
    pub text: String,
}

impl Received {
    /// The text of the first part of this type.
    pub fn part(&self, content_type: &str) -> Option<&str> {
        self.parts
            .iter()
            .find(|p| p.content_type == content_type)
            .map(|p| p.text.as_str())
    }
}

const READ_MAILDIR: &str = r#"
import email, email.policy, json, mailbox, sys
out = []
for _, stored in mailbox.Maildir(sys.argv[1], create=False).items():
    m = email.message_from_bytes(stored.as_bytes(), policy=email.policy.default)
    parts = [{"content_type": p.get_content_type(), "text": p.get_content()}
             for p in m.walk() if not p.is_multipart()]
    out.append({"to": str(m["to"]), "from": str(m["from"]), "subject": str(m["subject"]),
                "message_id": str(m["message-id"]), "content_type": m.get_content_type(),
                "parts": parts})
print(json.dumps(out))
"#;

impl Smtpd {
    /// Starts aiosmtpd on a free port; `Err` with the reason when it is not installed.
    pub fn start() -> Result<Smtpd, String> {
        if !available() {
            return Err("Python's aiosmtpd is missing (python3 -m pip install aiosmtpd)".into());
        }
        let port = free_port();
        let dir = std::env::temp_dir().join(format!(
            "flits-smtpd-{port}-{}-{}",
            std::process::id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos()
        ));
        let child = Command::new("python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Smtpd { child, port, dir };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("aiosmtpd did not start");
    }

    /// Every message received so far.
    pub fn messages(&self) -> Vec<Received> {
        if !self.dir.join("new").is_dir() {
            return Vec::new();
        }
        let out = Command::new("python3")
            .args(["-c", READ_MAILDIR])
            .arg(&self.dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "reading the maildir: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// The messages once there are at least `n` (waiting up to five seconds).
    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..100 {
            let messages = self.messages();
            if messages.len() >= n {
                return messages;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        self.messages()
    }
}
