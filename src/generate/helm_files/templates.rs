//! The chart's fixed files: Go templates that range over `.Values.components`. They contain no
//! design data, so they are plain text like any hand-written chart; the design reaches them only
//! through the typed `values.yaml`. One template per Kubernetes kind.

/// `(path inside the chart, contents)`.
pub const FILES: &[(&str, &str)] = &[
    (".helmignore", include_str!("helmignore")),
    ("templates/NOTES.txt", include_str!("templates/NOTES.txt")),
    (
        "templates/_helpers.tpl",
        include_str!("templates/_helpers.tpl"),
    ),
    (
        "templates/configmap.yaml",
        include_str!("templates/configmap.yaml"),
    ),
    (
        "templates/deployment.yaml",
        include_str!("templates/deployment.yaml"),
    ),
    ("templates/hpa.yaml", include_str!("templates/hpa.yaml")),
    (
        "templates/ingress.yaml",
        include_str!("templates/ingress.yaml"),
    ),
    (
        "templates/networkpolicy.yaml",
        include_str!("templates/networkpolicy.yaml"),
    ),
    ("templates/pdb.yaml", include_str!("templates/pdb.yaml")),
    (
        "templates/service.yaml",
        include_str!("templates/service.yaml"),
    ),
    (
        "templates/statefulset.yaml",
        include_str!("templates/statefulset.yaml"),
    ),
];
