// SPDX-License-Identifier: Apache-2.0
#include "document/collectorconfigeditor.h"

#include <gtest/gtest.h>

namespace {

using otelconsole::Catalog;
using otelconsole::CollectorConfig;
using otelconsole::Component;
using otelconsole::ComponentKind;
using otelconsole::ErrorKind;
using otelconsole::Json;
using otelconsole::Pipeline;
using otelconsole::PipelineRole;
using Editor = otelconsole::CollectorConfigEditor;
using Ids = std::vector<std::string>;

/// A gateway-like configuration: otlp in, memory_limiter and batch, otlp and debug out, a forward
/// connector from traces to traces/backup, and health_check started as an extension.
CollectorConfig gateway() {
    CollectorConfig config;
    config.receivers = {Component{"otlp", Json::object()}, Component{"prometheus", Json::object()}};
    config.processors = {Component{"memory_limiter", Json::object()}, Component{"batch", Json::object()},
                         Component{"attributes", Json::object()}, Component{"resource", Json::object()}};
    config.exporters = {Component{"otlp", Json{{"endpoint", "tempo:4317"}}},
                        Component{"debug", Json::object()}};
    config.extensions = {Component{"health_check", Json::object()}, Component{"pprof", Json::object()}};
    config.connectors = {Component{"forward", Json::object()}};
    config.serviceExtensions = {"health_check"};
    config.pipelines = {
        Pipeline{"traces", {"otlp"}, {"memory_limiter", "batch"}, {"otlp", "forward"}},
        Pipeline{"traces/backup", {"forward"}, {}, {"debug"}},
        Pipeline{"metrics", {"otlp", "prometheus"}, {"batch"}, {"debug"}},
    };
    return config;
}

class CollectorConfigEditor : public testing::Test {
protected:
    CollectorConfig config = gateway();
    Editor editor{config, Catalog::builtin()};
};

TEST_F(CollectorConfigEditor, UniqueId_FreeType_IsTheTypeItself) {
    EXPECT_EQ(editor.uniqueId(config, ComponentKind::Receiver, "jaeger"), "jaeger");
}

TEST_F(CollectorConfigEditor, UniqueId_TakenType_GetsTheNextFreeNumber) {
    config.receivers.push_back(Component{"otlp/2", Json()});
    EXPECT_EQ(editor.uniqueId(config, ComponentKind::Receiver, "otlp"), "otlp/3");
}

TEST_F(CollectorConfigEditor, UniqueId_WithName_CountsAfterTheName) {
    config.exporters.push_back(Component{"otlp_grpc/jaeger", Json()});
    EXPECT_EQ(editor.uniqueId(config, ComponentKind::Exporter, "otlp_grpc", "jaeger"), "otlp_grpc/jaeger-2");
}

TEST_F(CollectorConfigEditor, UniqueId_ConnectorId_IsNotReusedForAReceiver) {
    EXPECT_EQ(editor.uniqueId(config, ComponentKind::Receiver, "forward"), "forward/2");
}

TEST_F(CollectorConfigEditor, AddComponent_KeepsTheGivenSettings) {
    const auto id =
        editor.addComponent(ComponentKind::Receiver, "otlp", Json{{"protocols", {{"grpc", nullptr}}}});

    ASSERT_TRUE(id);
    EXPECT_EQ(*id, "otlp/2");
    EXPECT_EQ(config.receivers.back().config, (Json{{"protocols", {{"grpc", nullptr}}}}));
}

TEST_F(CollectorConfigEditor, AddComponent_TypeWithSlash_IsRefused) {
    const auto id = editor.addComponent(ComponentKind::Receiver, "otlp/x", Json());

    ASSERT_FALSE(id);
    EXPECT_EQ(id.error().kind, ErrorKind::InvalidInput);
    EXPECT_EQ(config, gateway());
}

TEST_F(CollectorConfigEditor, Rename_UpdatesEveryPipelineThatListsTheComponent) {
    ASSERT_TRUE(editor.renameComponent(ComponentKind::Exporter, "otlp", "otlp/tempo"));

    EXPECT_EQ(config.exporters.front().id, "otlp/tempo");
    EXPECT_EQ(config.pipelines[0].exporters, (Ids{"otlp/tempo", "forward"}));
}

TEST_F(CollectorConfigEditor, Rename_OfAnExporter_LeavesTheReceiverOfTheSameIdAlone) {
    ASSERT_TRUE(editor.renameComponent(ComponentKind::Exporter, "otlp", "otlp/tempo"));

    EXPECT_EQ(config.pipelines[0].receivers, Ids{"otlp"});
    EXPECT_EQ(config.receivers.front().id, "otlp");
}

TEST_F(CollectorConfigEditor, Rename_ToATakenId_IsRefusedAndChangesNothing) {
    const auto renamed = editor.renameComponent(ComponentKind::Processor, "batch", "memory_limiter");

    ASSERT_FALSE(renamed);
    EXPECT_EQ(renamed.error().kind, ErrorKind::Conflict);
    EXPECT_EQ(config, gateway());
}

TEST_F(CollectorConfigEditor, Rename_ToAnotherComponentType_IsRefused) {
    const auto renamed = editor.renameComponent(ComponentKind::Exporter, "otlp", "zipkin/tempo");

    ASSERT_FALSE(renamed);
    EXPECT_NE(renamed.error().message.find("keeps the component's type"), std::string::npos);
}

TEST_F(CollectorConfigEditor, Rename_ToAnotherNameOfTheSameComponent_IsAllowed) {
    ASSERT_TRUE(editor.renameComponent(ComponentKind::Exporter, "otlp", "otlp_grpc/tempo"));
    EXPECT_EQ(config.pipelines[0].exporters.front(), "otlp_grpc/tempo");
}

TEST_F(CollectorConfigEditor, Rename_OfAConnector_UpdatesBothEnds) {
    ASSERT_TRUE(editor.renameComponent(ComponentKind::Connector, "forward", "forward/backup"));

    EXPECT_EQ(config.pipelines[0].exporters, (Ids{"otlp", "forward/backup"}));
    EXPECT_EQ(config.pipelines[1].receivers, Ids{"forward/backup"});
}

TEST_F(CollectorConfigEditor, Rename_OfAnExtension_UpdatesServiceExtensions) {
    ASSERT_TRUE(editor.renameComponent(ComponentKind::Extension, "health_check", "health_check/probes"));
    EXPECT_EQ(config.serviceExtensions, Ids{"health_check/probes"});
}

TEST_F(CollectorConfigEditor, Remove_DropsTheComponentFromEveryPipeline) {
    ASSERT_TRUE(editor.removeComponent(ComponentKind::Processor, "batch"));

    EXPECT_EQ(config.processors.size(), 3U);
    EXPECT_EQ(config.pipelines[0].processors, Ids{"memory_limiter"});
    EXPECT_TRUE(config.pipelines[2].processors.empty());
}

TEST_F(CollectorConfigEditor, Remove_OfAnExtension_DropsItFromServiceExtensions) {
    ASSERT_TRUE(editor.removeComponent(ComponentKind::Extension, "health_check"));
    EXPECT_TRUE(config.serviceExtensions.empty());
}

TEST_F(CollectorConfigEditor, Remove_OfAnUnknownId_IsNotFound) {
    const auto removed = editor.removeComponent(ComponentKind::Receiver, "zipkin");

    ASSERT_FALSE(removed);
    EXPECT_EQ(removed.error().kind, ErrorKind::NotFound);
}

TEST_F(CollectorConfigEditor, AddToPipeline_Exporter_IsAppended) {
    ASSERT_TRUE(editor.addToPipeline("metrics", PipelineRole::Exporter, "otlp"));
    EXPECT_EQ(config.pipelines[2].exporters, (Ids{"debug", "otlp"}));
}

TEST_F(CollectorConfigEditor, AddToPipeline_MemoryLimiter_GoesFirst) {
    ASSERT_TRUE(editor.addToPipeline("metrics", PipelineRole::Processor, "memory_limiter"));
    EXPECT_EQ(config.pipelines[2].processors, (Ids{"memory_limiter", "batch"}));
}

TEST_F(CollectorConfigEditor, AddToPipeline_OtherProcessor_GoesBeforeATrailingBatch) {
    ASSERT_TRUE(editor.addToPipeline("traces", PipelineRole::Processor, "attributes"));
    EXPECT_EQ(config.pipelines[0].processors, (Ids{"memory_limiter", "attributes", "batch"}));
}

TEST_F(CollectorConfigEditor, AddToPipeline_ComponentOfAnotherSignal_IsRefused) {
    const auto added = editor.addToPipeline("traces", PipelineRole::Receiver, "prometheus");

    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().message, "\"prometheus\" handles metrics, not the traces of pipeline \"traces\"");
}

TEST_F(CollectorConfigEditor, AddToPipeline_ComponentAlreadyThere_IsRefused) {
    const auto added = editor.addToPipeline("traces", PipelineRole::Receiver, "otlp");

    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().kind, ErrorKind::Conflict);
}

TEST_F(CollectorConfigEditor, AddToPipeline_UndefinedComponent_IsRefused) {
    EXPECT_FALSE(editor.addToPipeline("traces", PipelineRole::Exporter, "zipkin"));
}

TEST_F(CollectorConfigEditor, AddToPipeline_ConnectorAsReceiver_IsAllowed) {
    ASSERT_TRUE(editor.addToPipeline("metrics", PipelineRole::Receiver, "forward"));
    EXPECT_EQ(config.pipelines[2].receivers, (Ids{"otlp", "prometheus", "forward"}));
}

TEST_F(CollectorConfigEditor, MoveProcessor_Later_ShiftsTheOthersEarlier) {
    config.pipelines[0].processors = {"memory_limiter", "attributes", "resource", "batch"};
    ASSERT_TRUE(editor.moveProcessor("traces", 1, 3));
    EXPECT_EQ(config.pipelines[0].processors, (Ids{"memory_limiter", "resource", "batch", "attributes"}));
}

TEST_F(CollectorConfigEditor, MoveProcessor_Earlier_ShiftsTheOthersLater) {
    config.pipelines[0].processors = {"memory_limiter", "attributes", "resource", "batch"};
    ASSERT_TRUE(editor.moveProcessor("traces", 3, 0));
    EXPECT_EQ(config.pipelines[0].processors, (Ids{"batch", "memory_limiter", "attributes", "resource"}));
}

TEST_F(CollectorConfigEditor, MoveProcessor_PastTheEnd_IsRefused) {
    EXPECT_FALSE(editor.moveProcessor("traces", 0, 2));
    EXPECT_EQ(config, gateway());
}

TEST_F(CollectorConfigEditor, AddPipeline_SecondOfASignal_NeedsAName) {
    EXPECT_FALSE(editor.addPipeline("metrics"));
    ASSERT_TRUE(editor.addPipeline("metrics/internal"));
    EXPECT_EQ(config.pipelines.back().id, "metrics/internal");
}

TEST_F(CollectorConfigEditor, RemovePipeline_KeepsItsComponents) {
    ASSERT_TRUE(editor.removePipeline("traces/backup"));

    EXPECT_EQ(config.pipelines.size(), 2U);
    EXPECT_EQ(config.exporters.size(), 2U);
}

TEST_F(CollectorConfigEditor, SetExtensionEnabled_ListsItOnce) {
    ASSERT_TRUE(editor.setExtensionEnabled("pprof", true));
    ASSERT_TRUE(editor.setExtensionEnabled("pprof", true));
    EXPECT_EQ(config.serviceExtensions, (Ids{"health_check", "pprof"}));
}

TEST_F(CollectorConfigEditor, SetExtensionEnabled_UndefinedListedId_CanBeTakenOut) {
    config.serviceExtensions.push_back("zpages");
    ASSERT_TRUE(editor.setExtensionEnabled("zpages", false));
    EXPECT_EQ(config.serviceExtensions, Ids{"health_check"});
}

struct IdRow {
    std::string id;
    bool valid;
};

std::ostream &operator<<(std::ostream &stream, const IdRow &row) {
    return stream << '"' << row.id << '"';
}

class ComponentIdGrammar : public testing::TestWithParam<IdRow> {};

TEST_P(ComponentIdGrammar, FollowsTheCollectorsRules) {
    EXPECT_EQ(!Editor::checkComponentId(GetParam().id).has_value(), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(Table, ComponentIdGrammar,
                         testing::Values(IdRow{"otlp", true}, IdRow{"otlp/jaeger", true},
                                         IdRow{"otlp_grpc/a-b.c", true}, IdRow{"k8s_attributes/2", true},
                                         IdRow{"", false}, IdRow{"/name", false}, IdRow{"otlp/", false},
                                         IdRow{"2otlp", false}, IdRow{"otlp-x", false},
                                         IdRow{"otlp/a b", false}, IdRow{"otlp/a$b", false}));

class PipelineIdGrammar : public testing::TestWithParam<IdRow> {};

TEST_P(PipelineIdGrammar, StartsWithASignal) {
    EXPECT_EQ(!Editor::checkPipelineId(GetParam().id).has_value(), GetParam().valid);
}

INSTANTIATE_TEST_SUITE_P(Table, PipelineIdGrammar,
                         testing::Values(IdRow{"traces", true}, IdRow{"metrics/2", true},
                                         IdRow{"logs/internal", true}, IdRow{"profiles", true},
                                         IdRow{"spans", false}, IdRow{"traces/", false},
                                         IdRow{"Traces", false}));

} // namespace
