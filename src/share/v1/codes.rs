//! Wire codes of the model's enums in version 1. NEVER change or reuse a number: a link made
//! today must decode the same in every later build. A new model variant gets the next free
//! number (the exhaustive matches below make the compiler ask for one).

use crate::i18n::Lang;
use crate::model::{
    DeployTarget, Language, LinkKind, LoggingTarget, MountKind, Protocol, RestartPolicy, Tier,
};
use crate::share::ShareError;

fn unknown(what: &str, code: u8) -> ShareError {
    ShareError::Malformed(format!("unknown {what} code {code}"))
}

pub fn tier(t: Tier) -> u8 {
    match t {
        Tier::Frontend => 0,
        Tier::Backend => 1,
        Tier::Data => 2,
    }
}

pub fn to_tier(code: u8) -> Result<Tier, ShareError> {
    Ok(match code {
        0 => Tier::Frontend,
        1 => Tier::Backend,
        2 => Tier::Data,
        _ => return Err(unknown("tier", code)),
    })
}

/// `0` = no language (an imported build).
pub fn language(l: Option<Language>) -> u8 {
    match l {
        None => 0,
        Some(Language::Python) => 1,
        Some(Language::Node) => 2,
        Some(Language::Go) => 3,
        Some(Language::Rust) => 4,
        Some(Language::Java) => 5,
        Some(Language::Static) => 6,
    }
}

pub fn to_language(code: u8) -> Result<Option<Language>, ShareError> {
    Ok(match code {
        0 => None,
        1 => Some(Language::Python),
        2 => Some(Language::Node),
        3 => Some(Language::Go),
        4 => Some(Language::Rust),
        5 => Some(Language::Java),
        6 => Some(Language::Static),
        _ => return Err(unknown("language", code)),
    })
}

pub fn protocol(p: Protocol) -> u8 {
    match p {
        Protocol::Tcp => 0,
        Protocol::Udp => 1,
    }
}

pub fn to_protocol(code: u8) -> Result<Protocol, ShareError> {
    Ok(match code {
        0 => Protocol::Tcp,
        1 => Protocol::Udp,
        _ => return Err(unknown("protocol", code)),
    })
}

pub fn mount_kind(k: MountKind) -> u8 {
    match k {
        MountKind::Named => 0,
        MountKind::Bind => 1,
        MountKind::Tmpfs => 2,
        MountKind::Anonymous => 3,
    }
}

pub fn to_mount_kind(code: u8) -> Result<MountKind, ShareError> {
    Ok(match code {
        0 => MountKind::Named,
        1 => MountKind::Bind,
        2 => MountKind::Tmpfs,
        3 => MountKind::Anonymous,
        _ => return Err(unknown("mount kind", code)),
    })
}

pub fn restart(r: RestartPolicy) -> u8 {
    match r {
        RestartPolicy::No => 0,
        RestartPolicy::Always => 1,
        RestartPolicy::OnFailure => 2,
        RestartPolicy::UnlessStopped => 3,
    }
}

pub fn to_restart(code: u8) -> Result<RestartPolicy, ShareError> {
    Ok(match code {
        0 => RestartPolicy::No,
        1 => RestartPolicy::Always,
        2 => RestartPolicy::OnFailure,
        3 => RestartPolicy::UnlessStopped,
        _ => return Err(unknown("restart policy", code)),
    })
}

pub fn link_kind(k: LinkKind) -> u8 {
    match k {
        LinkKind::Sync => 0,
        LinkKind::Async => 1,
    }
}

pub fn to_link_kind(code: u8) -> Result<LinkKind, ShareError> {
    Ok(match code {
        0 => LinkKind::Sync,
        1 => LinkKind::Async,
        _ => return Err(unknown("link kind", code)),
    })
}

pub fn logging(t: LoggingTarget) -> u8 {
    match t {
        LoggingTarget::Local => 0,
        LoggingTarget::Central => 1,
    }
}

pub fn to_logging(code: u8) -> Result<LoggingTarget, ShareError> {
    Ok(match code {
        0 => LoggingTarget::Local,
        1 => LoggingTarget::Central,
        _ => return Err(unknown("logging target", code)),
    })
}

pub fn lang(l: Lang) -> u8 {
    match l {
        Lang::En => 0,
        Lang::De => 1,
        Lang::Fr => 2,
    }
}

pub fn to_lang(code: u8) -> Result<Lang, ShareError> {
    Ok(match code {
        0 => Lang::En,
        1 => Lang::De,
        2 => Lang::Fr,
        _ => return Err(unknown("documentation language", code)),
    })
}

pub fn deploy(t: DeployTarget) -> u8 {
    match t {
        DeployTarget::None => 0,
        DeployTarget::ComposeSsh => 1,
        DeployTarget::Helm => 2,
        DeployTarget::Swarm => 3,
    }
}

pub fn to_deploy(code: u8) -> Result<DeployTarget, ShareError> {
    Ok(match code {
        0 => DeployTarget::None,
        1 => DeployTarget::ComposeSsh,
        2 => DeployTarget::Helm,
        3 => DeployTarget::Swarm,
        _ => return Err(unknown("deploy target", code)),
    })
}
