//! The work the board's first screen never does, as requests and replies: the generated project
//! (Files panel), the project zip (Download zip), the compose import (Import dialog, dropped and
//! pasted compose files) and share-link QR codes.
//!
//! Why a module of its own: the web app runs these in a Web Worker, a second wasm binary
//! (`src/bin/tierboard-worker.rs`) fetched after the board is up, so the first download carries
//! neither the generator families nor the importer, serde_yaml, zip or QR (issue 18). The web
//! app's binary only builds [`Request`]s and reads [`Reply`]s; [`handle`], which links all that
//! code, is called by the worker alone (and by tests). Both sides are this one crate at one
//! build, so the JSON between them needs no versioning: it never outlives the page.
//!
//! Everything here is pure and deterministic; [`handle`] never panics on a request (bad input
//! gives [`Reply::Failed`]).

use crate::generate::{self, layout::slug, GeneratedFile};
use crate::i18n::Lang;
use crate::import::{self, NoticeKind};
use crate::model::Design;
use crate::share;
use serde::{Deserialize, Serialize};

/// One piece of work for the worker. Externally tagged (serde's default), as [`Reply`] is: an
/// internally tagged enum is read through serde's buffered `Content`, which would compile a
/// second reader of `Design` into the app's wasm.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Request {
    /// The generated project (`generate::project`), for the Files panel.
    Project { design: Design },
    /// The project packed as `<slug>.zip` (`export::zip`), for "Download zip".
    Zip { design: Design },
    /// Compose sources, base first, then overrides (`import::compose_with`; the files that
    /// `extends:` and `include:` name are looked up among them).
    Import { sources: Vec<(String, String)> },
    /// Pasted `docker run` commands (or a shell script of them), named as the dialog names the
    /// paste (`import::docker_run::import`).
    DockerRun { name: String, text: String },
    /// The QR code of a share link (`share::qr_drawing`).
    Qr { text: String },
}

/// What the worker answers; a zip's bytes travel beside the reply (see [`Answer`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reply {
    Project {
        files: Vec<GeneratedFile>,
    },
    /// The zip's name (without `.zip`) and how many files it holds; the bytes are
    /// [`Answer::bytes`].
    Zip {
        folder: String,
        files: usize,
    },
    Imported {
        design: Design,
        notices: Vec<ImportNotice>,
        /// The design came back from an `x-tierboard` payload: keep its board order.
        carried: bool,
    },
    Qr {
        side: i32,
        path: String,
    },
    /// The work could not be done: the reason, as the core words it.
    Failed {
        message: String,
    },
}

impl Reply {
    /// Why a caller that asked for one kind of reply cannot use another: the kind it got, never
    /// the reply itself (a project's files or a whole design, which a message cannot show).
    pub fn unexpected(&self) -> String {
        let kind = match self {
            Reply::Project { .. } => "project",
            Reply::Zip { .. } => "zip",
            Reply::Imported { .. } => "imported",
            Reply::Qr { .. } => "qr",
            Reply::Failed { .. } => "failed",
        };
        format!("the worker answered with another reply ({kind})")
    }
}

/// A reply and, for a zip, its bytes (sent apart from the JSON, as a transferred buffer).
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    pub reply: Reply,
    pub bytes: Vec<u8>,
}

/// An import notice already worded in every language: the interface language may change while
/// the dialog shows it, and a notice's `Message` (static texts) does not cross a thread.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportNotice {
    pub kind: NoticeKind,
    pub service: Option<String>,
    pub key: Option<String>,
    /// The remark in English, German and French (`Lang::ALL` order).
    pub message: [String; 3],
}

impl ImportNotice {
    fn from_notice(notice: &import::Notice) -> Self {
        ImportNotice {
            kind: notice.kind,
            service: notice.service.clone(),
            key: notice.key.clone(),
            message: Lang::ALL.map(|lang| notice.message(lang)),
        }
    }

    /// The remark in `lang`.
    pub fn message(&self, lang: Lang) -> &str {
        let i = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
        &self.message[i]
    }
}

/// The reply to an import: the design, its notices in every language, and whether it was carried.
fn imported(result: Result<import::Imported, import::ImportError>) -> Answer {
    let reply = match result {
        Ok(imported) => Reply::Imported {
            notices: imported
                .notices
                .iter()
                .map(ImportNotice::from_notice)
                .collect(),
            carried: imported.carried,
            design: imported.design,
        },
        Err(e) => Reply::Failed {
            message: e.to_string(),
        },
    };
    Answer {
        reply,
        bytes: Vec::new(),
    }
}

/// Does the work of one request.
pub fn handle(request: Request) -> Answer {
    let reply = |reply| Answer {
        reply,
        bytes: Vec::new(),
    };
    match request {
        Request::Project { design } => reply(Reply::Project {
            files: generate::project(&design),
        }),
        Request::Zip { design } => {
            let folder = slug(&design.name);
            let files = generate::project(&design);
            match crate::export::zip::project_zip(&folder, &files) {
                Ok(bytes) => Answer {
                    reply: Reply::Zip {
                        folder,
                        files: files.len(),
                    },
                    bytes,
                },
                Err(message) => reply(Reply::Failed { message }),
            }
        }
        Request::Import { sources } => imported(import::compose_with(&sources, &sources)),
        Request::DockerRun { name, text } => imported(import::docker_run::import(&name, &text)),
        Request::Qr { text } => match share::qr_drawing(&text) {
            Ok((side, path)) => reply(Reply::Qr { side, path }),
            Err(e) => reply(Reply::Failed {
                message: e.to_string(),
            }),
        },
    }
}

/// [`handle`] for a request as JSON text (the worker's entry): the reply as JSON text and the
/// zip's bytes. A request that does not parse is answered with [`Reply::Failed`].
pub fn handle_json(request: &str) -> (String, Vec<u8>) {
    let answer = match serde_json::from_str::<Request>(request) {
        Ok(request) => handle(request),
        Err(e) => Answer {
            reply: Reply::Failed {
                message: format!("unreadable request: {e}"),
            },
            bytes: Vec::new(),
        },
    };
    // A reply is strings, numbers and a Design, which always serialise.
    let json = serde_json::to_string(&answer.reply)
        .unwrap_or_else(|_| r#"{"failed":{"message":"unwritable reply"}}"#.to_string());
    (json, answer.bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn starter() -> Design {
        catalog::instantiate(&catalog::PATTERNS[0])
    }

    fn round_trip(request: &Request) -> (Reply, Vec<u8>) {
        let (json, bytes) = handle_json(&serde_json::to_string(request).unwrap());
        (serde_json::from_str(&json).expect("a reply parses"), bytes)
    }

    #[test]
    fn project_reply_is_the_generated_project() {
        let design = starter();
        let (reply, bytes) = round_trip(&Request::Project {
            design: design.clone(),
        });
        assert_eq!(
            reply,
            Reply::Project {
                files: generate::project(&design)
            }
        );
        assert!(bytes.is_empty());
    }

    #[test]
    fn zip_reply_carries_the_same_bytes_as_the_cli_zip() {
        let design = starter();
        let (reply, bytes) = round_trip(&Request::Zip {
            design: design.clone(),
        });
        let files = generate::project(&design);
        let folder = slug(&design.name);
        assert_eq!(
            reply,
            Reply::Zip {
                folder: folder.clone(),
                files: files.len()
            }
        );
        assert_eq!(
            bytes,
            crate::export::zip::project_zip(&folder, &files).unwrap()
        );
    }

    #[test]
    fn an_unexpected_reply_is_named_by_its_kind_not_shown_whole() {
        let (reply, _) = round_trip(&Request::Project { design: starter() });
        let why = reply.unexpected();
        assert_eq!(why, "the worker answered with another reply (project)");
        let qr = Reply::Qr {
            side: 21,
            path: "M0 0h1v1H0z".into(),
        };
        assert_eq!(
            qr.unexpected(),
            "the worker answered with another reply (qr)"
        );
    }

    #[test]
    fn import_reply_has_the_design_and_notices_in_every_language() {
        let yaml = "version: '3'\nservices:\n  cache:\n    image: redis:7\n";
        let (reply, _) = round_trip(&Request::Import {
            sources: vec![("compose.yaml".into(), yaml.into())],
        });
        let Reply::Imported {
            design, notices, ..
        } = reply
        else {
            panic!("not imported: {reply:?}");
        };
        assert_eq!(design.services.len(), 1);
        let ignored = notices
            .iter()
            .find(|n| n.kind == NoticeKind::Ignored)
            .expect("the obsolete version key is noted");
        assert_ne!(ignored.message(Lang::En), ignored.message(Lang::De));
        assert_ne!(ignored.message(Lang::En), ignored.message(Lang::Fr));
    }

    #[test]
    fn import_errors_are_replies_not_panics() {
        let (reply, _) = round_trip(&Request::Import {
            sources: vec![("compose.yaml".into(), "services: [".into())],
        });
        assert!(matches!(reply, Reply::Failed { .. }), "{reply:?}");
    }

    #[test]
    fn qr_reply_is_the_share_drawing() {
        let text = "https://example.org/#d=abc".to_string();
        let (reply, _) = round_trip(&Request::Qr { text: text.clone() });
        let (side, path) = share::qr_drawing(&text).unwrap();
        assert_eq!(reply, Reply::Qr { side, path });
    }

    #[test]
    fn unreadable_requests_are_answered_with_a_failure() {
        for junk in ["", "{", r#"{"nothing":{}}"#, r#"{"project":{}}"#] {
            let (json, _) = handle_json(junk);
            let reply: Reply = serde_json::from_str(&json).unwrap();
            assert!(matches!(reply, Reply::Failed { .. }), "{junk}: {reply:?}");
        }
    }
}
