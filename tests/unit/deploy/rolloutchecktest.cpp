// SPDX-License-Identifier: Apache-2.0
#include "deploy/rolloutcheck.h"

#include <gtest/gtest.h>

using namespace otelconsole;

namespace {

struct RolloutCase {
    std::string title;
    Json workload;
    RolloutState state;
    std::string message;
};

Json deployment(int generation, int observed, Json status, int replicas = 3) {
    status["observedGeneration"] = observed;
    return {{"kind", "Deployment"},
            {"metadata", {{"name", "gw"}, {"generation", generation}}},
            {"spec", {{"replicas", replicas}}},
            {"status", status}};
}

Json daemonSet(Json status, const std::string &strategy = "RollingUpdate") {
    status["observedGeneration"] = 2;
    return {{"kind", "DaemonSet"},
            {"metadata", {{"name", "logs"}, {"generation", 2}}},
            {"spec", {{"updateStrategy", {{"type", strategy}}}}},
            {"status", status}};
}

Json statefulSet(Json status, int partition = 0) {
    status["observedGeneration"] = 1;
    return {
        {"kind", "StatefulSet"},
        {"metadata", {{"name", "st"}, {"generation", 1}}},
        {"spec",
         {{"replicas", 2},
          {"updateStrategy", {{"type", "RollingUpdate"}, {"rollingUpdate", {{"partition", partition}}}}}}},
        {"status", status}};
}

class RolloutCheckTable : public testing::TestWithParam<RolloutCase> {};

TEST_P(RolloutCheckTable, Workload_IsJudgedLikeKubectlRolloutStatus) {
    const RolloutStatus status = RolloutCheck::evaluate(GetParam().workload);

    EXPECT_EQ(status.state, GetParam().state);
    EXPECT_EQ(status.message, GetParam().message);
}

const Json progressDeadline = {
    {"conditions", Json::array({{{"type", "Progressing"}, {"reason", "ProgressDeadlineExceeded"}}})}};

INSTANTIATE_TEST_SUITE_P(
    Rules, RolloutCheckTable,
    testing::Values(
        RolloutCase{"DeploymentGenerationNotObserved", deployment(2, 1, Json::object()),
                    RolloutState::Waiting, "Waiting for deployment spec update to be observed..."},
        RolloutCase{"DeploymentDeadlineExceeded", deployment(1, 1, progressDeadline), RolloutState::Failed,
                    "deployment \"gw\" exceeded its progress deadline"},
        RolloutCase{
            "DeploymentUpdating", deployment(1, 1, {{"updatedReplicas", 1}}), RolloutState::Waiting,
            "Waiting for deployment \"gw\" rollout to finish: 1 out of 3 new replicas have been updated..."},
        RolloutCase{
            "DeploymentOldPodsTerminating", deployment(1, 1, {{"updatedReplicas", 3}, {"replicas", 4}}),
            RolloutState::Waiting,
            "Waiting for deployment \"gw\" rollout to finish: 1 old replicas are pending termination..."},
        RolloutCase{
            "DeploymentNotAvailable",
            deployment(1, 1, {{"updatedReplicas", 3}, {"replicas", 3}, {"availableReplicas", 2}}),
            RolloutState::Waiting,
            "Waiting for deployment \"gw\" rollout to finish: 2 of 3 updated replicas are available..."},
        RolloutCase{"DeploymentDone",
                    deployment(1, 1, {{"updatedReplicas", 3}, {"replicas", 3}, {"availableReplicas", 3}}),
                    RolloutState::Done, "deployment \"gw\" successfully rolled out"},
        RolloutCase{"DeploymentScaledToZero", deployment(1, 1, Json::object(), 0), RolloutState::Done,
                    "deployment \"gw\" successfully rolled out"},
        RolloutCase{
            "DaemonSetUpdating", daemonSet({{"desiredNumberScheduled", 3}, {"updatedNumberScheduled", 2}}),
            RolloutState::Waiting,
            "Waiting for daemon set \"logs\" rollout to finish: 2 out of 3 new pods have been updated..."},
        RolloutCase{
            "DaemonSetNotAvailable",
            daemonSet({{"desiredNumberScheduled", 3}, {"updatedNumberScheduled", 3}, {"numberAvailable", 1}}),
            RolloutState::Waiting,
            "Waiting for daemon set \"logs\" rollout to finish: 1 of 3 updated pods are available..."},
        RolloutCase{
            "DaemonSetDone",
            daemonSet({{"desiredNumberScheduled", 3}, {"updatedNumberScheduled", 3}, {"numberAvailable", 3}}),
            RolloutState::Done, "daemon set \"logs\" successfully rolled out"},
        RolloutCase{"DaemonSetOnDelete", daemonSet(Json::object(), "OnDelete"), RolloutState::Failed,
                    "rollout status is only available for RollingUpdate strategy type"},
        RolloutCase{"StatefulSetNotReady", statefulSet({{"readyReplicas", 1}}), RolloutState::Waiting,
                    "Waiting for 1 pods to be ready..."},
        RolloutCase{"StatefulSetPartitioned", statefulSet({{"readyReplicas", 2}, {"updatedReplicas", 0}}, 1),
                    RolloutState::Waiting,
                    "Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated..."},
        RolloutCase{"StatefulSetRevisionPending",
                    statefulSet({{"readyReplicas", 2},
                                 {"updatedReplicas", 1},
                                 {"currentRevision", "st-1"},
                                 {"updateRevision", "st-2"}}),
                    RolloutState::Waiting,
                    "waiting for statefulset rolling update to complete 1 pods at revision st-2..."},
        RolloutCase{"StatefulSetDone",
                    statefulSet({{"readyReplicas", 2},
                                 {"updatedReplicas", 2},
                                 {"currentRevision", "st-2"},
                                 {"updateRevision", "st-2"}}),
                    RolloutState::Done, "statefulset rolling update complete 2 pods at revision st-2..."}),
    [](const testing::TestParamInfo<RolloutCase> &param) { return param.param.title; });

} // namespace
