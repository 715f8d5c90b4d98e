// SPDX-License-Identifier: Apache-2.0
// Drives the real kubectl against the sandbox, so that what kubectl accepts is what the sandbox serves.

#include "sandboxcluster.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

using nlohmann::json;

namespace {

const char *const kKubectl = "/usr/bin/kubectl";

struct CommandResult {
    int exitCode = -1;
    std::string output;
};

class SandboxKubectl : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(kKubectl)) {
            GTEST_SKIP() << "kubectl is not installed at " << kKubectl;
        }
        char pattern[] = "/tmp/sandbox-kubectl-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_home = pattern;
        otelconsole::sandbox::SandboxOptions options;
        options.kubeconfigOut = m_home + "/kubeconfig";
        options.namespaceFinalizeDelay = std::chrono::milliseconds(100);
        const auto url = m_cluster.start(options);
        ASSERT_TRUE(url.has_value()) << url.error();
    }

    void TearDown() override {
        m_cluster.stop();
        if (!m_home.empty()) {
            std::filesystem::remove_all(m_home);
        }
    }

    // Runs kubectl with its own HOME and discovery cache, bounded by `timeout` seconds.
    CommandResult kubectl(const std::string &arguments, int timeout = 60) {
        const std::string command = "env HOME=" + m_home + " KUBECONFIG=" + m_home + "/kubeconfig timeout "
                                    + std::to_string(timeout) + " " + kKubectl + " --cache-dir=" + m_home
                                    + "/cache --request-timeout=20s " + arguments + " 2>&1";
        CommandResult result;
        FILE *pipe = popen(command.c_str(), "r");
        if (!pipe) {
            return result;
        }
        char buffer[4096];
        while (const std::size_t read = fread(buffer, 1, sizeof buffer, pipe)) {
            result.output.append(buffer, read);
        }
        const int status = pclose(pipe);
        result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        return result;
    }

    // The last line kubectl printed; warnings it writes to stderr come before it.
    static std::string answer(const CommandResult &result) {
        std::string output = result.output;
        while (!output.empty() && output.back() == '\n') {
            output.pop_back();
        }
        return output.substr(output.rfind('\n') == std::string::npos ? 0 : output.rfind('\n') + 1);
    }

    std::string writeFile(const std::string &name, const std::string &content) {
        const std::string path = m_home + "/" + name;
        std::ofstream(path) << content;
        return path;
    }

    json getJson(const std::string &arguments) {
        const CommandResult result = kubectl("get " + arguments + " -o json");
        EXPECT_EQ(result.exitCode, 0) << result.output;
        return json::parse(result.output, nullptr, false);
    }

    void applyDemo() {
        const std::string manifest = R"(apiVersion: v1
kind: Namespace
metadata:
  name: demo
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: demo-config
  namespace: demo
data:
  config.yaml: |
    receivers: {}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: gateway
  namespace: demo
spec:
  selector:
    matchLabels: {app: gateway}
  template:
    metadata:
      labels: {app: gateway}
    spec:
      containers:
      - name: otelcol
        image: otel/opentelemetry-collector-contrib:0.159.0
        resources:
          limits: {cpu: "0.5", memory: 1024Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: gateway
  namespace: demo
spec:
  selector: {app: gateway}
  ports:
  - name: otlp-grpc
    port: 4317
)";
        const CommandResult result =
            kubectl("apply --server-side --validate=false -f " + writeFile("demo.yaml", manifest));
        ASSERT_EQ(result.exitCode, 0) << result.output;
        EXPECT_NE(result.output.find("deployment.apps/gateway serverside-applied"), std::string::npos)
            << result.output;
    }

    otelconsole::sandbox::SandboxCluster m_cluster;
    std::string m_home;
};

} // namespace

TEST_F(SandboxKubectl, GetNodes_ListsSandboxNodes) {
    const CommandResult result = kubectl("get nodes");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("sandbox-node-1"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("Ready"), std::string::npos) << result.output;
}

TEST_F(SandboxKubectl, GetNamespaces_ShowsOperatorNamespaces) {
    const CommandResult result = kubectl("get ns");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("otlp-system"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("Active"), std::string::npos) << result.output;
}

TEST_F(SandboxKubectl, ServerSideApply_CreatesMultiDocumentManifest) {
    applyDemo();
    json deployment = getJson("deploy gateway -n demo --show-managed-fields");
    EXPECT_EQ(deployment["spec"]["replicas"], 1);
    EXPECT_EQ(deployment["spec"]["strategy"]["type"], "RollingUpdate");
    json limits = deployment["spec"]["template"]["spec"]["containers"][0]["resources"]["limits"];
    EXPECT_EQ(limits["cpu"], "500m");
    EXPECT_EQ(limits["memory"], "1Gi");
    EXPECT_EQ(deployment["metadata"]["managedFields"][0]["manager"], "kubectl");
    EXPECT_EQ(deployment["metadata"]["managedFields"][0]["operation"], "Apply");
    json service = getJson("svc gateway -n demo");
    EXPECT_EQ(service["spec"]["ports"][0]["targetPort"], 4317);
}

TEST_F(SandboxKubectl, ReApply_IsIdempotent) {
    applyDemo();
    const std::string before = getJson("deploy gateway -n demo")["metadata"]["resourceVersion"];
    applyDemo();
    EXPECT_EQ(getJson("deploy gateway -n demo")["metadata"]["resourceVersion"], before);
}

TEST_F(SandboxKubectl, Scale_ChangesReplicas) {
    applyDemo();
    const CommandResult result = kubectl("scale deploy gateway -n demo --replicas=3");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_EQ(getJson("deploy gateway -n demo")["spec"]["replicas"], 3);
}

TEST_F(SandboxKubectl, LabelAndAnnotate_AreStored) {
    applyDemo();
    ASSERT_EQ(kubectl("label deploy gateway -n demo tier=edge").exitCode, 0);
    ASSERT_EQ(kubectl("annotate deploy gateway -n demo owner=observability").exitCode, 0);
    json deployment = getJson("deploy gateway -n demo");
    EXPECT_EQ(deployment["metadata"]["labels"]["tier"], "edge");
    EXPECT_EQ(deployment["metadata"]["annotations"]["owner"], "observability");
}

TEST_F(SandboxKubectl, RolloutRestart_PatchesTemplate) {
    applyDemo();
    const CommandResult result = kubectl("rollout restart deploy gateway -n demo");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    json deployment = getJson("deploy gateway -n demo");
    EXPECT_TRUE(deployment["spec"]["template"]["metadata"]["annotations"].contains(
        "kubectl.kubernetes.io/restartedAt"));
    EXPECT_EQ(deployment["metadata"]["generation"], 2);
}

TEST_F(SandboxKubectl, Delete_WaitsUntilGone) {
    applyDemo();
    const CommandResult result = kubectl("delete deploy gateway -n demo");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("deleted"), std::string::npos);
    const CommandResult after = kubectl("get deploy gateway -n demo");
    EXPECT_NE(after.exitCode, 0);
    EXPECT_NE(after.output.find("NotFound"), std::string::npos) << after.output;
}

TEST_F(SandboxKubectl, AuthCanI_FollowsEachContext) {
    EXPECT_EQ(answer(kubectl("--context sandbox-admin auth can-i create deployments")), "yes");
    EXPECT_EQ(answer(kubectl("--context sandbox-operator auth can-i create deployments")), "yes");
    EXPECT_EQ(answer(kubectl("--context sandbox-operator auth can-i create deployments -n kube-system")),
              "no");
    EXPECT_EQ(answer(kubectl("--context sandbox-operator auth can-i create clusterroles")), "no");
    EXPECT_EQ(answer(kubectl("--context sandbox-viewer auth can-i create deployments")), "no");
    EXPECT_EQ(answer(kubectl("--context sandbox-viewer auth can-i list pods")), "yes");
}

TEST_F(SandboxKubectl, ViewerCreate_IsForbidden) {
    const CommandResult result = kubectl("--context sandbox-viewer create configmap x -n default");
    EXPECT_NE(result.exitCode, 0);
    EXPECT_NE(result.output.find("forbidden"), std::string::npos) << result.output;
}

TEST_F(SandboxKubectl, GetPodsWatch_ShowsNewPod) {
    std::thread creator([this] {
        std::this_thread::sleep_for(std::chrono::seconds(2));
        kubectl("run watched --image=busybox:1.36 -n default");
    });
    const CommandResult result = kubectl("get pods -n default --watch", 12);
    creator.join();
    EXPECT_NE(result.output.find("watched"), std::string::npos) << result.output;
}

TEST_F(SandboxKubectl, AuthWhoami_NamesContextUser) {
    const CommandResult result = kubectl("--context sandbox-viewer auth whoami");
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("viewer"), std::string::npos) << result.output;
}
