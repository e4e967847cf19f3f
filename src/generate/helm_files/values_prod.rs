//! `values-prod.yaml`: the production overlay (`helm install -f values-prod.yaml`), typed.
//!
//! It changes only what production changes, as `docker-compose.prod.yml` does: the prod replica
//! count of each service, autoscaling where the design turns it on (the HPA then owns the
//! replica count), and TLS on the Ingress. Helm merges it over `values.yaml` key by key.

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
    let services = plan
        .prod
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
    use crate::generate::headers;
    let body = crate::generate::shared::yaml11_files::to_yaml(values);
    format!(
        "# {}\n\
         #   helm upgrade --install <release> . -n <namespace> -f values.yaml -f values-prod.yaml --set global.imageTag=<VERSION>\n\
         # {}\n{body}",
        headers::VALUES_PROD.fill(lang, &[("path", "values-prod.yaml")]),
        headers::VALUES_PROD_TLS.fill(
            lang,
            &[
                ("key", "ingress.tls.existingSecretName"),
                ("cmd", "kubectl create secret tls")
            ]
        )
    )
}
