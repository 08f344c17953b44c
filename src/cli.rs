//! The command line (README.md, "Commands").
//!
//! Exit codes: 0 success; 1 the command ran but the answer is "no" (invalid poll, conflict…);
//! 2 bad input or configuration (unreadable file, bad setting); 3 a failure at run time
//! (database unreachable, port taken).

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use flits_i18n::{Locale, t};
use flits_staff::credentials;
use flits_store::{NewPoll, Store};
use flits_survey::ValidationOptions;
use flits_types::{Email, Password};

use crate::settings::{LogFormat, Settings};
use crate::startup::{Application, Service};
use crate::{accounts, demo, poll_file, schedule_cli, telemetry};

/// Flash polls (flitspeilingen) for municipalities that work together as a region.
#[derive(Debug, Parser)]
#[command(name = "flits", version, about)]
pub struct Cli {
    /// A configuration file that overrides config/default.toml (environment variables override both).
    #[arg(long, global = true, env = "FLITS_CONFIG")]
    pub config: Option<PathBuf>,
    /// Log format; overrides the `log_format` setting.
    #[arg(long, global = true, value_enum)]
    pub log_format: Option<LogFormat>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the collector, the staff service and the job runner (or a subset with --only).
    Serve(ServeArgs),
    /// Apply pending database migrations and exit.
    Migrate,
    /// Create the IJmond demo (idempotently), then serve it.
    Demo,
    /// Print the effective configuration (secrets left out) and exit.
    Config,
    /// Poll definitions: check and import them.
    #[command(subcommand)]
    Poll(PollCommand),
    /// Population figures per audience: the counts a poll's respondents are compared with and
    /// weighted to.
    #[command(subcommand)]
    Population(PopulationCommand),
    /// Staff accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens of staff accounts.
    #[command(subcommand)]
    Token(TokenCommand),
    /// Social-media channels (`[[channels]]` in the configuration).
    #[command(subcommand)]
    Channel(ChannelCommand),
    /// The anonymised export of a poll's responses (csv, json, xlsx, or sps: the SPSS syntax that
    /// reads the CSV, saved beside it as SLUG.csv). Works in every state of the poll; an open poll's
    /// export is marked provisional on stderr. Exit 2 for an unknown poll or format.
    Export {
        slug: String,
        #[arg(long, default_value = "csv")]
        format: String,
        /// Write here instead of to stdout.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
}

#[derive(Debug, Subcommand)]
pub enum ChannelCommand {
    /// List the configured channels (secrets are never shown, only whether they are set).
    List {
        /// Language of the output: nl or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
    /// Check a channel's credentials without posting. Exit 0 ok, 1 failed (with the platform's
    /// message), 2 unknown channel.
    Test {
        id: String,
        /// Language of the output: nl or en.
        #[arg(long, default_value = "nl")]
        lang: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create an API token for a staff account; prints only the token.
    Create {
        email: String,
        /// A name to recognise the token by.
        #[arg(long, default_value = "cli")]
        name: String,
    },
}

/// How `flits poll validate` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum PollCommand {
    /// Check a poll definition (JSON or YAML): every error and plain-language hint with its location.
    /// Exit 0 valid, 1 invalid, 2 unreadable.
    Validate {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Validate a poll definition and store it as a draft; prints its slug.
    Import {
        file: PathBuf,
        /// The organisation the poll belongs to (needed when there is more than one).
        #[arg(long)]
        org: Option<String>,
    },
    /// Schedule a poll (a draft, or move a scheduled one), enforcing the spacing rules. Times are
    /// RFC 3339 with an explicit offset: Amsterdam local time is +01:00 in winter and +02:00 in
    /// summer, e.g. --opens 2027-04-01T09:00:00+02:00. On a conflict it prints each conflict and
    /// the next free slot and exits 1; bad input (a time without offset, an unknown slug) exits 2.
    Schedule {
        slug: String,
        /// Opening time, RFC 3339 with offset.
        #[arg(long)]
        opens: String,
        /// Closing time, RFC 3339 with offset.
        #[arg(long)]
        closes: String,
        /// A channel to announce the poll on when it opens (repeatable).
        #[arg(long = "channel")]
        channels: Vec<String>,
        /// Schedule despite spacing conflicts, for this reason (written to the audit log). For
        /// operators with access to the server, who act as admins.
        #[arg(long)]
        override_reason: Option<String>,
        /// Language of the answer: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Cancel a scheduled poll: it becomes a draft again and its place on the calendar is freed.
    /// Audit-logged with the reason. Exit 1 when the poll is not scheduled, 2 for bad input.
    Cancel {
        slug: String,
        /// Why (required; written to the audit log).
        #[arg(long)]
        reason: String,
        /// Language of the answer: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Close an open poll now. Each channel that announced it gets a short notice. Audit-logged
    /// with the reason. Exit 1 when the poll is not open, 2 for bad input.
    Close {
        slug: String,
        /// Why (required; written to the audit log, not posted).
        #[arg(long)]
        reason: String,
        /// Language of the answer: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
}

#[derive(Debug, Subcommand)]
pub enum PopulationCommand {
    /// Store an audience's population figures from a CSV file (question,option,count, with
    /// `# source:` and `# reference_date:` lines; README.md, "Population margins"). Importing
    /// again replaces them. Every problem is printed with its line. Exit 0 stored, 1 invalid
    /// file (nothing stored), 2 unreadable file or unknown audience.
    Import {
        file: PathBuf,
        /// The audience the figures describe (a municipality; a region uses the sum of its
        /// municipalities').
        #[arg(long)]
        audience: String,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// List the audiences that have population figures, with source, reference date and
    /// whether they are illustrative.
    List {
        /// Language of the output: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
}

/// A language staff texts exist in (nl or en).
fn staff_locale(s: &str) -> Result<Locale, String> {
    s.parse::<Locale>()
        .ok()
        .filter(|l| l.is_staff())
        .ok_or_else(|| format!("unknown language {s:?}: use nl or en"))
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Run only these services (repeatable): collector, staff, runner. The old names `admin` (for
    /// staff) and `scheduler` (for runner) are accepted too.
    #[arg(long, value_enum)]
    pub only: Vec<Service>,
    /// Do not apply pending migrations on start.
    #[arg(long)]
    pub no_migrate: bool,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Add a staff account (or update its role and organisation; a new role ends its sessions
    /// and calendar feed).
    Add {
        email: String,
        #[arg(long, value_parser = accounts::ROLES)]
        role: String,
        #[arg(long)]
        org: String,
        /// Read the password from standard input (otherwise a new account uses tokens only, and
        /// an existing one keeps its password).
        #[arg(long)]
        password_stdin: bool,
        /// Language of the messages about a refused address or password: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Set a new password for an account, read from standard input; its sessions and calendar
    /// feed end.
    Passwd {
        email: String,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Switch an account off at once: its sessions, API tokens and calendar feed stop working,
    /// and it cannot log in.
    Disable {
        email: String,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Switch an account on again (its API tokens work again; it logs in anew).
    Enable {
        email: String,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
    /// Delete an account with its sessions and API tokens. The audit log keeps naming it.
    Delete {
        email: String,
        /// Language of the messages: nl or en.
        #[arg(long, default_value = "nl", value_parser = staff_locale)]
        lang: Locale,
    },
}

/// A failure with the exit code it deserves.
struct Failure {
    code: u8,
    error: anyhow::Error,
}

impl From<anyhow::Error> for Failure {
    fn from(error: anyhow::Error) -> Self {
        Failure { code: 3, error }
    }
}

impl From<flits_store::StoreError> for Failure {
    fn from(error: flits_store::StoreError) -> Self {
        Failure {
            code: 3,
            error: error.into(),
        }
    }
}

fn usage(error: impl Into<anyhow::Error>) -> Failure {
    Failure {
        code: 2,
        error: error.into(),
    }
}

/// Runs a parsed command line and returns the process exit code.
pub async fn run(cli: Cli) -> ExitCode {
    let settings = match Settings::load(cli.config.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("flits: {e}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(cli.log_format.unwrap_or(settings.log_format));
    match dispatch(cli.command, settings).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure { code, error }) => {
            eprintln!("flits: {error:#}");
            ExitCode::from(code)
        }
    }
}

async fn dispatch(command: Command, settings: Settings) -> Result<(), Failure> {
    match command {
        Command::Serve(args) => serve(settings, args).await,
        Command::Migrate => {
            let store = connect(&settings).await?;
            let applied = store.migrate().await.context("cannot apply migrations")?;
            println!("{applied} migration(s) applied");
            Ok(())
        }
        Command::Demo => run_demo(settings).await,
        Command::Config => {
            let text = serde_json::to_string_pretty(&settings).map_err(anyhow::Error::from)?;
            println!("{text}");
            Ok(())
        }
        Command::Poll(PollCommand::Validate { file, format, lang }) => {
            validate_poll(&settings, &file, format, lang)
        }
        Command::Poll(PollCommand::Import { file, org }) => {
            import_poll(&settings, &file, org.as_deref()).await
        }
        Command::Poll(PollCommand::Schedule {
            slug,
            opens,
            closes,
            channels,
            override_reason,
            lang,
        }) => schedule_cli::run(
            &settings,
            schedule_cli::ScheduleArgs {
                slug,
                opens,
                closes,
                channels,
                override_reason,
                lang,
            },
        )
        .await
        .map_err(|(code, error)| Failure { code, error }),
        Command::Poll(PollCommand::Cancel { slug, reason, lang }) => crate::stop_cli::run(
            &settings,
            crate::stop_cli::StopArgs {
                stop: flits_schedule::Stop::Cancel,
                slug,
                reason,
                lang,
            },
        )
        .await
        .map_err(|(code, error)| Failure { code, error }),
        Command::Poll(PollCommand::Close { slug, reason, lang }) => crate::stop_cli::run(
            &settings,
            crate::stop_cli::StopArgs {
                stop: flits_schedule::Stop::Close,
                slug,
                reason,
                lang,
            },
        )
        .await
        .map_err(|(code, error)| Failure { code, error }),
        Command::Population(PopulationCommand::Import {
            file,
            audience,
            lang,
        }) => crate::population_cli::import(
            &settings,
            crate::population_cli::ImportArgs {
                file,
                audience,
                lang,
            },
        )
        .await
        .map_err(|(code, error)| Failure { code, error }),
        Command::Population(PopulationCommand::List { lang }) => {
            crate::population_cli::list(&settings, lang)
                .await
                .map_err(|(code, error)| Failure { code, error })
        }
        Command::Token(TokenCommand::Create { email, name }) => {
            create_token(&settings, &email, &name).await
        }
        Command::User(UserCommand::Add {
            email,
            role,
            org,
            password_stdin,
            lang,
        }) => add_user(&settings, &email, &role, &org, password_stdin, lang).await,
        Command::User(UserCommand::Passwd { email, lang }) => {
            let email = Email::parse(&email)
                .map_err(|e| usage(anyhow::anyhow!(credentials::email_message(&e, lang))))?;
            // Every input is parsed before the database is touched.
            let password = crate::user_cli::read_password(&email, lang)
                .map_err(|(code, error)| Failure { code, error })?;
            let store = open_store(&settings).await?;
            crate::user_cli::set_password(&store, &email, &password, lang)
                .await
                .map_err(|(code, error)| Failure { code, error })
        }
        Command::User(UserCommand::Disable { email, lang }) => {
            change_user(
                &settings,
                &email,
                crate::user_cli::AccountAction::Disable,
                lang,
            )
            .await
        }
        Command::User(UserCommand::Enable { email, lang }) => {
            change_user(
                &settings,
                &email,
                crate::user_cli::AccountAction::Enable,
                lang,
            )
            .await
        }
        Command::User(UserCommand::Delete { email, lang }) => {
            change_user(
                &settings,
                &email,
                crate::user_cli::AccountAction::Delete,
                lang,
            )
            .await
        }
        Command::Channel(command) => channel_command(&settings, command).await,
        Command::Export {
            slug,
            format,
            out,
            lang,
        } => crate::export_cli::run(
            &settings,
            crate::export_cli::ExportArgs {
                slug,
                format,
                out,
                lang,
            },
        )
        .await
        .map_err(|(code, error)| Failure { code, error }),
    }
}

async fn channel_command(settings: &Settings, command: ChannelCommand) -> Result<(), Failure> {
    let (ChannelCommand::List { lang } | ChannelCommand::Test { lang, .. }) = &command;
    let locale = crate::channels::staff_locale(lang)
        .ok_or_else(|| usage(anyhow::anyhow!("unknown language {lang:?}: use nl or en")))?;
    match command {
        ChannelCommand::List { .. } => {
            print!("{}", crate::channels::list(&settings.channels, locale));
            Ok(())
        }
        ChannelCommand::Test { id, .. } => {
            let options = flits_bridge::ClientOptions {
                smtp: settings.smtp_relay(),
                ..Default::default()
            };
            match crate::channels::test(&settings.channels, &id, &options, locale).await {
                crate::channels::TestOutcome::Ok(text) => {
                    println!("{text}");
                    Ok(())
                }
                crate::channels::TestOutcome::Failed(text) => Err(Failure {
                    code: 1,
                    error: anyhow::anyhow!(text),
                }),
                crate::channels::TestOutcome::Unknown(text) => Err(usage(anyhow::anyhow!(text))),
            }
        }
    }
}

async fn connect(settings: &Settings) -> anyhow::Result<Store> {
    Store::connect(&settings.database_url)
        .await
        .context("cannot connect to the database")
}

async fn serve(settings: Settings, args: ServeArgs) -> Result<(), Failure> {
    let services = if args.only.is_empty() {
        Service::ALL.to_vec()
    } else {
        args.only
    };
    let app = Application::build(&settings, &services, !args.no_migrate).await?;
    tracing::info!(port = app.port(), ?services, "flits is serving");
    app.run_until_stopped()
        .await
        .context("the server stopped with an error")?;
    Ok(())
}

async fn run_demo(mut settings: Settings) -> Result<(), Failure> {
    let store = connect(&settings).await?;
    store.migrate().await.context("cannot apply migrations")?;
    let login = demo::prepare(&store).await?;
    // Served as if configured, so the staff service knows the municipalities' neighbourhoods.
    demo::configure(&mut settings)?;
    let services = Service::ALL;
    let app = Application::build(&settings, &services, false).await?;
    let mut base = settings.public_base();
    if settings.public_url.is_empty() {
        // Show the port really bound (the setting may say 0).
        let _ = base.set_port(Some(app.port()));
    }
    let base = base.as_str().trim_end_matches('/').to_owned();
    println!("Flits demo is running.");
    println!("  Poll:        {base}/p/demo");
    println!(
        "  Staff login: {} / {}",
        login.admin_email, login.admin_password
    );
    println!("  (a new password is set each time the demo starts)");
    println!("Press Ctrl-C to stop.");
    app.run_until_stopped()
        .await
        .context("the server stopped with an error")?;
    Ok(())
}

fn print_report(
    report: &flits_survey::Report,
    format: ReportFormat,
    locale: Locale,
) -> Result<(), Failure> {
    match format {
        ReportFormat::Json => {
            let rendered = flits_http::survey_texts::RenderedReport::new(report, locale);
            println!(
                "{}",
                serde_json::to_string_pretty(&rendered).map_err(anyhow::Error::from)?
            )
        }
        ReportFormat::Text => print!("{}", poll_file::render_text(report, locale)),
    }
    Ok(())
}

/// `flits poll validate`: offline, against the fixed rules only (no database, so no audience
/// check; `poll import` and `poll schedule` check audiences against the database).
fn validate_poll(
    settings: &Settings,
    file: &std::path::Path,
    format: ReportFormat,
    locale: Locale,
) -> Result<(), Failure> {
    let opts = ValidationOptions {
        max_questions: settings.max_questions,
        ..Default::default()
    };
    let report = match poll_file::check(file, &opts) {
        Ok((_, report)) => report,
        Err(unreadable) => {
            if let Some(report) = unreadable.report() {
                print_report(&report, format, locale)?;
            }
            return Err(usage(anyhow::anyhow!(unreadable.message(locale))));
        }
    };
    print_report(&report, format, locale)?;
    if report.valid {
        Ok(())
    } else {
        Err(Failure {
            code: 1,
            error: anyhow::anyhow!(t!(
                locale,
                "survey-report-invalid",
                file = file.display().to_string()
            )),
        })
    }
}

/// Connects, migrates and writes the configured regions, organisations and audiences, as `serve`
/// does on start: every command that reads or writes polls or accounts sees the configuration the
/// same way, also on a fresh database.
async fn open_store(settings: &Settings) -> Result<Store, Failure> {
    let store = connect(settings).await?;
    store.migrate().await.context("cannot apply migrations")?;
    crate::seed::write_configured_structure(&store, settings)
        .await
        .context("cannot write the configured regions, organisations and audiences")
        .map_err(usage)?;
    Ok(store)
}

async fn import_poll(
    settings: &Settings,
    file: &std::path::Path,
    org: Option<&str>,
) -> Result<(), Failure> {
    let store = open_store(settings).await?;
    let audiences: Vec<String> = store.audiences().await?.into_iter().map(|a| a.id).collect();
    let opts = ValidationOptions {
        max_questions: settings.max_questions,
        known_audiences: Some(audiences),
        ..Default::default()
    };
    let locale = Locale::Nl;
    let (def, report) = match poll_file::check(file, &opts) {
        Ok(checked) => checked,
        Err(unreadable) => {
            if let Some(report) = unreadable.report() {
                eprint!("{}", poll_file::render_text(&report, locale));
            }
            return Err(usage(anyhow::anyhow!(unreadable.message(locale))));
        }
    };
    let def = match def {
        Some(def) if report.valid => def,
        _ => {
            eprint!("{}", poll_file::render_text(&report, locale));
            return Err(Failure {
                code: 1,
                error: anyhow::anyhow!(t!(
                    locale,
                    "survey-report-not-stored",
                    file = file.display().to_string()
                )),
            });
        }
    };
    let organisations: Vec<String> = store
        .organisations()
        .await?
        .into_iter()
        .map(|o| o.id)
        .collect();
    let organisation_id = match org {
        Some(o) if organisations.iter().any(|x| x == o) => o.to_owned(),
        Some(o) => {
            return Err(usage(anyhow::anyhow!(
                "unknown organisation {o:?} (known: {})",
                organisations.join(", ")
            )));
        }
        None if organisations.len() == 1 => organisations[0].clone(),
        None => {
            return Err(usage(anyhow::anyhow!(
                "say which organisation the poll belongs to with --org (one of: {})",
                if organisations.is_empty() {
                    "none yet".to_owned()
                } else {
                    organisations.join(", ")
                }
            )));
        }
    };
    if store.poll_by_slug(&def.slug).await?.is_some() {
        return Err(Failure {
            code: 1,
            error: anyhow::anyhow!(
                "a poll with slug {:?} already exists; nothing was stored",
                def.slug
            ),
        });
    }
    let poll = store
        .insert_poll(NewPoll::draft(organisation_id, def))
        .await?;
    println!("{}", poll.slug);
    Ok(())
}

/// `flits user disable|enable|delete`.
async fn change_user(
    settings: &Settings,
    email: &str,
    action: crate::user_cli::AccountAction,
    locale: Locale,
) -> Result<(), Failure> {
    let store = open_store(settings).await?;
    crate::user_cli::change(&store, email, action, locale)
        .await
        .map_err(|(code, error)| Failure { code, error })
}

async fn create_token(settings: &Settings, email: &str, name: &str) -> Result<(), Failure> {
    let store = connect(settings).await?;
    store.migrate().await.context("cannot apply migrations")?;
    let Some(user) = store.staff_user_by_email(email).await? else {
        return Err(usage(anyhow::anyhow!(
            "there is no staff account {email:?}"
        )));
    };
    if user.is_disabled() {
        // Its tokens would be refused anyway; say so instead of printing one that does not work.
        return Err(Failure {
            code: 1,
            error: anyhow::anyhow!(t!(
                Locale::Nl,
                "accounts-cli-token-disabled",
                email = user.email.as_str()
            )),
        });
    }
    let token = flits_staff::secrets::new_api_token();
    store
        .create_api_token(user.id, name, &flits_staff::secrets::hash_secret(&token))
        .await?;
    store
        .insert_audit(flits_store::NewAudit {
            actor_email: Some(crate::operator::cli_actor()),
            action: "token.created".to_owned(),
            poll_slug: None,
            details: serde_json::json!({"user": user.email, "name": name, "via": "cli"}),
        })
        .await?;
    println!("{token}");
    Ok(())
}

async fn add_user(
    settings: &Settings,
    email: &str,
    role: &str,
    org: &str,
    password_stdin: bool,
    locale: Locale,
) -> Result<(), Failure> {
    let email = Email::parse(email)
        .map_err(|e| usage(anyhow::anyhow!(credentials::email_message(&e, locale))))?;
    // Every input is parsed before the database is touched.
    let password = if password_stdin {
        let mut password = String::new();
        std::io::stdin()
            .read_to_string(&mut password)
            .context("cannot read the password")?;
        let password = Password::parse_for(password.trim_end_matches(['\r', '\n']), &email)
            .map_err(|e| usage(anyhow::anyhow!(credentials::password_message(&e, locale))))?;
        Some(password)
    } else {
        None
    };
    let store = open_store(settings).await?;
    if store.organisation(org).await?.is_none() {
        let known: Vec<String> = store
            .organisations()
            .await?
            .into_iter()
            .map(|o| o.id)
            .collect();
        return Err(usage(anyhow::anyhow!(
            "unknown organisation {org:?} (known: {})",
            if known.is_empty() {
                "none yet".to_owned()
            } else {
                known.join(", ")
            }
        )));
    }
    let hash = match &password {
        Some(p) => Some(accounts::hash_password(p).map_err(anyhow::Error::from)?),
        None => None,
    };
    // A changed role, organisation or password ends the account's sessions and calendar feed.
    let saved = store
        .save_staff_user(email.as_str(), org, role, hash.as_deref())
        .await?;
    let user = &saved.user;
    store
        .insert_audit(flits_store::NewAudit {
            actor_email: Some(crate::operator::cli_actor()),
            action: "user.saved".to_owned(),
            poll_slug: None,
            details: serde_json::json!({
                "email": user.email,
                "role": user.role,
                "organisation": user.organisation_id,
                "created": saved.created,
                "password_changed": saved.password_changed,
                "role_changed": saved.role_changed,
                "sessions_and_feed_ended": saved.credentials_revoked(),
                "via": "cli",
            }),
        })
        .await?;
    println!("{} ({}, {})", user.email, user.role, user.organisation_id);
    Ok(())
}
