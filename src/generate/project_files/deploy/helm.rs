//! Deploy target `helm`: `helm upgrade --install` of the generated chart with the environment's
//! overlay (`values-staging.yaml` or `values-prod.yaml`) and `global.imageTag` set to the release
//! version, `--wait`ing until the workloads are ready. The cluster is reached with the kubeconfig
//! in the environment's secret `KUBECONFIG`; the release and namespace default to the chart name
//! and `<chart>-<environment>` (variables `HELM_RELEASE`, `HELM_NAMESPACE`). The running version
//! is the release's `global.imageTag`; the rollback is `helm rollback` to the revision before.
//! `helm` and `jq` are on GitHub's Ubuntu runners, so no set-up action needs a pin.

use super::super::workflow::{map, s};
use super::Target;
use crate::generate::helm_files::{PROD_VALUES, STAGING_VALUES};
use crate::generate::layout;
use crate::model::Design;

fn names(chart: &str) -> String {
    format!(
        "release=\"${{HELM_RELEASE:-{chart}}}\"\n\
         namespace=\"${{HELM_NAMESPACE:-{chart}-$DEPLOY_ENV}}\"\n"
    )
}

pub fn target(design: &Design, version_var: &str) -> Target {
    let chart = layout::helm_chart_name(design);
    let dir = layout::helm_chart_dir(design);
    let names = names(&chart);
    Target {
        env: vec![
            ("HELM_RELEASE", "${{ vars.HELM_RELEASE }}".to_string()),
            ("HELM_NAMESPACE", "${{ vars.HELM_NAMESPACE }}".to_string()),
        ],
        setup: map([
            ("name", s("Set up the kubeconfig from the environment's secrets")),
            ("env", map([("KUBECONFIG_DATA", s("${{ secrets.KUBECONFIG }}"))])),
            (
                "run",
                s("umask 077\n\
                   mkdir -p \"$HOME/.kube\"\n\
                   printf '%s\\n' \"$KUBECONFIG_DATA\" > \"$HOME/.kube/config\"\n\
                   helm version --short\n"),
            ),
        ]),
        previous: format!(
            "{names}helm get values \"$release\" --namespace \"$namespace\" --output json 2>/dev/null |\n\
             \x20 jq -r '.global.imageTag // empty' || true\n"
        ),
        deploy: format!(
            "{names}case \"$DEPLOY_ENV\" in\n\
             \x20 staging) values=\"{STAGING_VALUES}\" ;;\n\
             \x20 production) values=\"{PROD_VALUES}\" ;;\n\
             \x20 *) echo \"::error::unknown environment $DEPLOY_ENV\"; exit 1 ;;\n\
             esac\n\
             helm upgrade --install \"$release\" {dir} --namespace \"$namespace\" --create-namespace \\\n\
             \x20 --values \"{dir}/$values\" --set-string \"global.imageTag=${version_var}\" \\\n\
             \x20 --wait --timeout 10m\n"
        ),
        rollback: format!(
            "{names}helm rollback \"$release\" --namespace \"$namespace\" --wait --timeout 10m\n"
        ),
    }
}
