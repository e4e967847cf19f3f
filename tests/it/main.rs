//! The integration tests, one crate (each tests/*.rs file was a crate of its own linking the whole
//! library; one crate links it once). Each module is one area; support modules are shared.
//! Tests compare with std's sorts freely: the one-sort rule (clippy.toml) is for the bundle.
#![allow(clippy::disallowed_methods)]

mod helm_support;
mod import_roundtrip_support;
mod share_support;
mod support;

mod cli;
mod generate_compose;
mod generate_compose_cli;
mod generate_compose_roundtrip;
mod generate_docs_lang;
mod generate_helm;
mod generate_helm_props;
mod generate_helm_swarm;
mod generate_project;
mod generate_project_smoke;
mod generate_project_stubs;
mod generate_release;
mod i18n_cli;
mod import_carried;
mod import_cli;
mod import_compose_config;
mod import_corpus;
mod import_fixtures;
mod import_ports;
mod import_props;
mod import_roundtrip;
mod import_tiers;
mod planner;
mod planner_cli;
mod planner_pack;
mod planner_staging;
mod planner_warnings;
mod report_cli;
mod rules_cli;
mod rules_generate;
mod rules_props;
mod rules_speed;
mod share;
mod share_props;
mod share_qr;
mod share_saved;
mod share_sizes;
mod yaml11_readback;
