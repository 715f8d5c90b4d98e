// SPDX-License-Identifier: Apache-2.0
#include "sandboxcluster.h"

#include "api/admission.h"
#include "api/apicontext.h"
#include "api/defaulter.h"
#include "api/discovery.h"
#include "api/escalationcheck.h"
#include "api/ipallocator.h"
#include "api/jsonpath.h"
#include "api/objectdeleter.h"
#include "api/rbacauthorizer.h"
#include "api/requestrouter.h"
#include "api/resourceregistry.h"
#include "api/tableconverter.h"
#include "api/validator.h"
#include "clusterbootstrap.h"
#include "controllers/garbagecollector.h"
#include "controllers/namespacecontroller.h"
#include "sandboxlogging.h"
#include "server/apiserver.h"
#include "server/authenticator.h"
#include "server/certificateauthority.h"
#include "server/kubeconfigwriter.h"
#include "store/clock.h"
#include "store/objectstore.h"

#include <sys/stat.h>

#include <csignal>
#include <fstream>
#include <optional>

namespace otelconsole::sandbox {

namespace {

int minorVersion(const std::string &version) {
    const auto first = version.find('.');
    const auto second = version.find('.', first + 1);
    try {
        return std::stoi(version.substr(first + 1, second - first - 1));
    } catch (const std::exception &) {
        return 31;
    }
}

bool writePrivateFile(const std::string &path, const std::string &content) {
    std::ofstream file(path, std::ios::trunc);
    if (!file) {
        return false;
    }
    file << content;
    file.close();
    // The kubeconfig holds credentials: readable by its owner only.
    ::chmod(path.c_str(), S_IRUSR | S_IWUSR);
    return static_cast<bool>(file);
}

} // namespace

/// Everything a running cluster consists of, built in dependency order by start().
struct SandboxCluster::Runtime {
    explicit Runtime(const SandboxOptions &settings)
        : options(settings)
        , store(clock, settings.watchHistory)
        , registry(settings.serviceMonitorCrd, settings.metricsApi)
        , authorizer(store)
        , escalation(authorizer)
        , defaulter(minorVersion(settings.serverVersion))
        , admission(store, clock, defaulter, validator, escalation, ips)
        , deleter(store, clock)
        , tables(clock)
        , discovery(registry, settings.serverVersion)
        , context{store,   registry,
                  clock,   admission,
                  deleter, authorizer,
                  tables,  WatchSettings{settings.watchMaxTimeout, settings.bookmarkInterval}}
        , router(context, discovery)
        , server(router, authenticator) {}

    SandboxOptions options;
    Clock clock;
    ObjectStore store;
    ResourceRegistry registry;
    RbacAuthorizer authorizer;
    EscalationCheck escalation;
    Defaulter defaulter;
    Validator validator;
    IpAllocator ips;
    Admission admission;
    ObjectDeleter deleter;
    TableConverter tables;
    Discovery discovery;
    ApiContext context;
    RequestRouter router;
    Authenticator authenticator;
    ApiServer server;
    std::optional<CertificateAuthority> authority;
    std::optional<IssuedCertificate> serverCertificate;
    std::optional<IssuedCertificate> adminCertificate;
    std::unique_ptr<NamespaceController> namespaces;
    std::unique_ptr<GarbageCollector> collector;
    int ipSubscription = 0;
    SandboxTokens tokens;
    std::string url;
    int port = 0;
    std::string kubeconfig;
    bool running = false;

    std::expected<void, std::string> makeCertificates();
    void registerUsers();
    void startControllers();
    std::expected<void, std::string> bind();
    [[nodiscard]] std::string renderKubeconfig() const;
};

SandboxCluster::SandboxCluster() = default;

SandboxCluster::~SandboxCluster() {
    stop();
}

std::expected<void, std::string> SandboxCluster::Runtime::makeCertificates() {
    auto ca = CertificateAuthority::create("otel-console-sandbox-ca");
    if (!ca) {
        return std::unexpected(ca.error());
    }
    auto serving = ca->issueServer({"localhost", "kubernetes", "kubernetes.default"}, {"127.0.0.1", "::1"});
    auto admin = ca->issueClient("admin", {"system:masters"});
    if (!serving || !admin) {
        return std::unexpected(!serving ? serving.error() : admin.error());
    }
    authority.emplace(std::move(*ca));
    serverCertificate.emplace(std::move(*serving));
    adminCertificate.emplace(std::move(*admin));
    return {};
}

void SandboxCluster::Runtime::registerUsers() {
    tokens = {Authenticator::newToken(), Authenticator::newToken(), Authenticator::newToken()};
    authenticator.addToken(tokens.admin, UserInfo{"admin", {"system:masters"}});
    authenticator.addToken(tokens.operatorUser, UserInfo{"operator", {}});
    authenticator.addToken(tokens.viewer, UserInfo{"viewer", {}});
}

void SandboxCluster::Runtime::startControllers() {
    // Cluster IPs of Services come back to the pool however the Service goes away.
    ipSubscription = store.subscribe([this](const StoreEvent &event) {
        const std::string address = JsonPath::string(event.object->object, "spec.clusterIP");
        if (event.resource != "services" || address.empty() || address == "None") {
            return;
        }
        if (event.type == StoreEventType::Deleted) {
            ips.release(address);
        } else {
            ips.reserve(address);
        }
    });
    namespaces = std::make_unique<NamespaceController>(
        store, registry, authority ? authority->certificatePem() : std::string(),
        options.namespaceFinalizeDelay);
    collector = std::make_unique<GarbageCollector>(store, registry, deleter);
}

std::expected<void, std::string> SandboxCluster::Runtime::bind() {
    ServerTls tls{serverCertificate ? &*serverCertificate : nullptr,
                  authority ? authority->certificate() : nullptr};
    auto bound = server.bind(options.listenHost, options.listenPort, options.plainHttp ? nullptr : &tls);
    if (!bound) {
        return std::unexpected(bound.error());
    }
    port = *bound;
    const bool ipv6 = options.listenHost.find(':') != std::string::npos;
    const std::string host = ipv6 ? "[" + options.listenHost + "]" : options.listenHost;
    url = (options.plainHttp ? "http://" : "https://") + host + ":" + std::to_string(port);
    discovery.setServerAddress(host + ":" + std::to_string(port));
    return {};
}

std::string SandboxCluster::Runtime::renderKubeconfig() const {
    KubeconfigCredentials credentials{url, {}, {}, {}, tokens.admin, tokens.operatorUser, tokens.viewer};
    if (authority) {
        credentials.caCertificatePem = authority->certificatePem();
        credentials.adminCertificatePem = adminCertificate->certificatePem;
        credentials.adminKeyPem = adminCertificate->keyPem;
    }
    return KubeconfigWriter::render(credentials);
}

std::expected<std::string, std::string> SandboxCluster::start(const SandboxOptions &options) {
    if (m_runtime) {
        return std::unexpected("the sandbox cluster is already running");
    }
    if (!options.logLevel.empty()) {
        setSandboxLogLevel(options.logLevel);
    }
    // A client hanging up mid-response must not kill the process with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);

    m_runtime = std::make_unique<Runtime>(options);
    Runtime &r = *m_runtime;
    if (!options.plainHttp) {
        if (auto made = r.makeCertificates(); !made) {
            m_runtime.reset();
            return std::unexpected(made.error());
        }
    }
    r.registerUsers();
    r.startControllers();
    if (auto bound = r.bind(); !bound) {
        stop();
        return std::unexpected(bound.error());
    }
    // The cluster is populated before the first connection is accepted.
    ClusterBootstrap(r.store, r.registry, r.defaulter)
        .populate({options.operatorNamespaces, options.nodeCount, "v" + options.serverVersion, r.port});
    r.server.serve();
    r.kubeconfig = r.renderKubeconfig();
    if (!options.kubeconfigOut.empty() && !writePrivateFile(options.kubeconfigOut, r.kubeconfig)) {
        stop();
        return std::unexpected("could not write the kubeconfig to " + options.kubeconfigOut);
    }
    r.running = true;
    qCInfo(lcSandboxServer).noquote() << "serving on" << QString::fromStdString(r.url);
    return r.url;
}

void SandboxCluster::stop() {
    if (!m_runtime) {
        return;
    }
    Runtime &r = *m_runtime;
    // Waking every watch first lets the server's threads finish quickly.
    r.store.shutdown();
    r.server.stop();
    if (r.collector) {
        r.collector->stop();
    }
    if (r.namespaces) {
        r.namespaces->stop();
    }
    r.store.unsubscribe(r.ipSubscription);
    m_runtime.reset();
}

bool SandboxCluster::isRunning() const {
    return m_runtime && m_runtime->running;
}

const std::string &SandboxCluster::url() const {
    static const std::string none;
    return m_runtime ? m_runtime->url : none;
}

int SandboxCluster::port() const {
    return m_runtime ? m_runtime->port : 0;
}

const std::string &SandboxCluster::kubeconfig() const {
    static const std::string none;
    return m_runtime ? m_runtime->kubeconfig : none;
}

const SandboxTokens &SandboxCluster::tokens() const {
    static const SandboxTokens none;
    return m_runtime ? m_runtime->tokens : none;
}

const std::string &SandboxCluster::caCertificatePem() const {
    static const std::string none;
    return m_runtime && m_runtime->authority ? m_runtime->authority->certificatePem() : none;
}

const std::string &SandboxCluster::adminCertificatePem() const {
    static const std::string none;
    return m_runtime && m_runtime->adminCertificate ? m_runtime->adminCertificate->certificatePem : none;
}

const std::string &SandboxCluster::adminKeyPem() const {
    static const std::string none;
    return m_runtime && m_runtime->adminCertificate ? m_runtime->adminCertificate->keyPem : none;
}

std::string SandboxCluster::issueServiceAccountToken(const std::string &ns, const std::string &name) {
    const std::string token = Authenticator::newToken();
    m_runtime->authenticator.addToken(token, UserInfo::serviceAccount(ns, name));
    return token;
}

ObjectStore &SandboxCluster::store() {
    return m_runtime->store;
}

Clock &SandboxCluster::clock() {
    return m_runtime->clock;
}

const RbacAuthorizer &SandboxCluster::authorizer() const {
    return m_runtime->authorizer;
}

const ResourceRegistry &SandboxCluster::registry() const {
    return m_runtime->registry;
}

bool SandboxCluster::waitForControllers(std::chrono::milliseconds timeout) {
    return m_runtime && m_runtime->namespaces->waitIdle(timeout) && m_runtime->collector->waitIdle(timeout);
}

} // namespace otelconsole::sandbox
