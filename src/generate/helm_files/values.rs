//! `values.yaml`: everything design-specific in the chart, as typed data written by serde_yaml.
//! The templates are fixed text that range over `.Values.components`; a design changes only this
//! file (and `values-prod.yaml`).
//!
//! Keys are camelCase as Helm charts spell them. `components` is a map keyed by the Kubernetes
//! name (see `names`), so Helm ranges over it in sorted order and the output is deterministic.
//! Secrets appear only as names (`existingSecretName`, file keys), never as values.

use super::probe::Probe;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Values {
    pub global: Global,
    pub ingress: Ingress,
    pub network_policy: NetworkPolicy,
    /// One entry per service, keyed by its Kubernetes name. Not called `services`: tools that
    /// sniff YAML files would take a top-level `services:` map for a compose file.
    pub components: BTreeMap<String, ServiceValues>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Global {
    /// Tag of the images built from this project; empty = the chart's appVersion.
    pub image_tag: String,
    pub image_pull_policy: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Ingress {
    pub enabled: bool,
    /// IngressClass; empty = the cluster's default class.
    pub class_name: String,
    pub tls: Tls,
    pub rules: Vec<IngressRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tls {
    pub enabled: bool,
    /// A `kubernetes.io/tls` Secret holding the certificate (created by cert-manager or by hand).
    pub existing_secret_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IngressRule {
    pub host: String,
    pub service: String,
    pub port: u16,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NetworkPolicy {
    pub enabled: bool,
    /// Namespace of the ingress controller, allowed to reach the Ingress backends.
    pub ingress_controller_namespace: String,
    /// Namespace of the cluster DNS, the one egress every pod keeps.
    pub dns_namespace: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceValues {
    pub enabled: bool,
    /// `Deployment` or `StatefulSet`.
    pub workload: &'static str,
    pub tier: &'static str,
    pub image: ImageValues,
    pub replicas: u32,
    pub args: Vec<String>,
    pub env: Vec<NameValue>,
    pub ports: Vec<PortValues>,
    pub probe: Probe,
    /// Delay before the first liveness check (the healthcheck's start period).
    pub start_period_seconds: u32,
    pub resources: ResourceValues,
    pub autoscaling: AutoscalingValues,
    pub security_context: SecurityValues,
    /// emptyDir scratch space (read-only root file system).
    pub scratch: Vec<MountValues>,
    /// One PersistentVolumeClaim per named volume (StatefulSet `volumeClaimTemplates`).
    pub persistence: Vec<PersistenceValues>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrets: Option<SecretValues>,
    pub config_files: Vec<ConfigFileValues>,
    pub network_policy: ServiceNetworkPolicy,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImageValues {
    pub repository: String,
    /// Empty for images built from this project: `global.imageTag`, else the appVersion.
    pub tag: String,
    /// `sha256:...` once the image is pushed; rendered as `repository:tag@digest`.
    pub digest: String,
    /// Built from this project (the tag then follows the release).
    pub built: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NameValue {
    pub name: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortValues {
    pub name: String,
    pub port: u16,
    pub protocol: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantities {
    pub cpu: String,
    pub memory: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResourceValues {
    pub requests: Quantities,
    pub limits: Quantities,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AutoscalingValues {
    pub enabled: bool,
    pub min_replicas: u32,
    pub max_replicas: u32,
    #[serde(rename = "targetCPUUtilizationPercentage")]
    pub target_cpu_utilization_percentage: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecurityValues {
    pub run_as_user: u32,
    pub run_as_group: u32,
    pub fs_group: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MountValues {
    pub name: String,
    pub mount_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistenceValues {
    pub name: String,
    pub mount_path: String,
    pub size: String,
    /// Empty = the cluster's default StorageClass.
    pub storage_class_name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SecretValues {
    /// The Kubernetes Secret the operator creates (never created by the chart).
    pub existing_secret_name: String,
    pub files: Vec<SecretFile>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SecretFile {
    /// Key in the Secret and file name under `/run/secrets`.
    pub key: String,
    /// `<KEY>_FILE` variable pointing at the file, where the image reads one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConfigFileValues {
    /// Key in the service's ConfigMap.
    pub key: String,
    /// Path inside the chart (`files/...`), read with `.Files.Get`.
    pub file: String,
    pub mount_path: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServiceNetworkPolicy {
    /// Services allowed to connect (to any of this service's ports).
    pub from: Vec<String>,
    /// Services this one connects to.
    pub to: Vec<String>,
    /// An Ingress backend: the ingress controller may connect.
    pub ingress_controller: bool,
    /// Egress outside the cluster's private ranges (off for the data tier, like its internal
    /// compose network).
    pub external_egress: bool,
}

/// The values as YAML text with a header comment.
pub fn to_yaml(values: &Values, header: &str) -> String {
    format!(
        "{header}{}",
        crate::generate::shared::yaml11_files::to_yaml(values)
    )
}
