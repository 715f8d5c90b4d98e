// SPDX-License-Identifier: Apache-2.0
#include "render/planexport.h"

#include "catalog/catalog.h"
#include "common/yaml.h"
#include "model/projectfile.h"
#include "render/renderer.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <gtest/gtest.h>

namespace {

using namespace otelconsole;

class PlanExport : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_folder.isValid());
        auto loaded = loadProjectFile(OTELCONSOLE_SOURCE_DIR "/resources/examples/gateway.yaml");
        ASSERT_TRUE(loaded.has_value());
        auto plan = renderPlan(loaded->project, Catalog::builtin());
        ASSERT_TRUE(plan.has_value());
        m_plan = *plan;
    }

    [[nodiscard]] std::string path(const char *name) const { return m_folder.filePath(name).toStdString(); }

    static std::string readFile(const std::string &path) {
        QFile file(QString::fromStdString(path));
        return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
    }

    static void touch(const QString &path) {
        QFile file(path);
        ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    }

    QTemporaryDir m_folder;
    Plan m_plan;
};

TEST_F(PlanExport, FileName_HoldsPlaceKindAndName) {
    const Json object = {{"kind", "ConfigMap"}, {"metadata", {{"name", "otel-gateway"}}}};

    EXPECT_EQ(planObjectFileName(2, object), "03-configmap-otel-gateway.yaml");
}

TEST_F(PlanExport, FileName_ReplacesCharactersUnfitForFiles) {
    const Json object = {{"kind", "ClusterRole"}, {"metadata", {{"name", "system:otel/gateway"}}}};

    EXPECT_EQ(planObjectFileName(0, object), "01-clusterrole-system-otel-gateway.yaml");
}

TEST_F(PlanExport, SingleFile_IsThePlansYaml) {
    ASSERT_TRUE(writePlanFile(m_plan, path("plan.yaml")).has_value());

    EXPECT_EQ(readFile(path("plan.yaml")), m_plan.toYaml());
}

TEST_F(PlanExport, Folder_HoldsOneFilePerObjectInApplyOrder) {
    const auto written = writePlanFolder(m_plan, path("out"));

    ASSERT_TRUE(written.has_value());
    ASSERT_EQ(written->size(), m_plan.objects.size());
    for (std::size_t index = 0; index < written->size(); ++index) {
        EXPECT_EQ(readFile((*written)[index]), toYaml(m_plan.objects[index]));
        EXPECT_TRUE((*written)[index].ends_with(planObjectFileName(index, m_plan.objects[index])));
    }
}

TEST_F(PlanExport, Folder_RemovesOnlyFilesOfAnEarlierExport) {
    QDir().mkpath(m_folder.filePath(QStringLiteral("out")));
    touch(m_folder.filePath(QStringLiteral("out/42-horizontalpodautoscaler-old.yaml")));
    touch(m_folder.filePath(QStringLiteral("out/kustomization.yaml")));

    ASSERT_TRUE(writePlanFolder(m_plan, path("out")).has_value());

    EXPECT_FALSE(QFile::exists(m_folder.filePath(QStringLiteral("out/42-horizontalpodautoscaler-old.yaml"))));
    EXPECT_TRUE(QFile::exists(m_folder.filePath(QStringLiteral("out/kustomization.yaml"))));
}

} // namespace
