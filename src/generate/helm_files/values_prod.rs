//! `values-prod.yaml` and `values-staging.yaml`: the production and staging overlays
//! (`helm install -f values-prod.yaml`), typed.
//!
//! Each changes only what its environment changes, as `docker-compose.prod.yml` and
//! `docker-compose.staging.yml` do: the environment's replica count of each service, autoscaling
//! where the design turns it on (the HPA then owns the replica count), and TLS on the Ingress.
//! Staging is production-like, so both overlays have the same shape; only the counts differ.
//! Helm merges an overlay over `values.yaml` key by key.

use super::plan::ChartPlan;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProdValues {
    pub ingress: ProdIngress,
    pub components: BTreeMap<String, ProdService>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProdIngress {
    pub tls: ProdTls,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProdTls {
    pub enabled: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProdService {
    pub replicas: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub autoscaling: Option<ProdAutoscaling>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProdAutoscaling {
    pub enabled: bool,
}

pub fn prod_values(plan: &ChartPlan) -> ProdValues {
    overlay(plan, &plan.prod)
}

pub fn staging_values(plan: &ChartPlan) -> ProdValues {
    overlay(plan, &plan.staging)
}

fn overlay(plan: &ChartPlan, replicas: &BTreeMap<String, (u32, bool)>) -> ProdValues {
    let services = replicas
        .iter()
        .filter(|(_, (replicas, autoscaling))| *replicas != 1 || *autoscaling)
        .map(|(name, (replicas, autoscaling))| {
            (
                name.clone(),
                ProdService {
                    replicas: *replicas,
                    autoscaling: autoscaling.then_some(ProdAutoscaling { enabled: true }),
                },
            )
        })
        .collect();
    ProdValues {
        ingress: ProdIngress {
            tls: ProdTls {
                enabled: plan.values.ingress.enabled,
            },
        },
        components: services,
    }
}

pub fn to_yaml(values: &ProdValues, lang: crate::i18n::Lang) -> String {
    overlay_yaml(
        values,
        lang,
        PROD_FILE,
        &crate::generate::headers::VALUES_PROD,
    )
}

pub fn staging_yaml(values: &ProdValues, lang: crate::i18n::Lang) -> String {
    overlay_yaml(
        values,
        lang,
        STAGING_FILE,
        &crate::generate::headers::VALUES_STAGING,
    )
}

/// The overlays' file names in the chart (the deploy workflow passes them to `helm -f`).
pub const PROD_FILE: &str = "values-prod.yaml";
pub const STAGING_FILE: &str = "values-staging.yaml";

fn overlay_yaml(
    values: &ProdValues,
    lang: crate::i18n::Lang,
    file: &str,
    title: &crate::i18n::Text,
) -> String {
    use crate::generate::headers;
    let body = crate::generate::shared::yaml11_files::to_yaml(values);
    format!(
        "# {}\n\
         #   helm upgrade --install <release> . -n <namespace> -f values.yaml -f {file} --set global.imageTag=<VERSION>\n\
         # {}\n{body}",
        title.fill(lang, &[("path", file)]),
        headers::VALUES_PROD_TLS.fill(
            lang,
            &[
                ("key", "ingress.tls.existingSecretName"),
                ("cmd", "kubectl create secret tls")
            ]
        )
    )
}
