package cn.yijianshi.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import cn.yijianshi.system.ApiProblem;
import cn.yijianshi.system.RefusedRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;

/** The policy as application.yaml configures it: which limit each endpoint has, and which files it takes. */
class UploadPolicyTest {

    static UploadPolicy policy;

    @BeforeAll
    static void policyFromApplicationYaml() throws IOException {
        policy = new UploadPolicy(configuredRules());
    }

    static UploadRules configuredRules() throws IOException {
        PropertySource<?> yaml = new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml")).get(0);
        Binder binder = new Binder(ConfigurationPropertySources.from(yaml), new PropertySourcesPlaceholdersResolver(List.of(yaml)));
        return binder.bind("yijianshi.upload", UploadRules.class).get();
    }

    private static long limit(String method, String path) {
        return policy.limitFor(method, path).orElseThrow(() -> new AssertionError("no rule for " + path)).maxBytes();
    }

    private static String rule(String method, String path) {
        return policy.limitFor(method, path).map(UploadPolicy.Limit::name).orElse(null);
    }

    @Test
    void eachEndpointHasItsOwnLimit() {
        assertThat(limit("POST", "/api/cases")).isEqualTo(64 * 1024);
        assertThat(limit("POST", "/api/admin/matters")).isEqualTo(5L * 1024 * 1024);
        assertThat(limit("POST", "/api/issues/WT-20260105-000001/attachments")).isEqualTo(10L * 1024 * 1024);
        assertThat(limit("POST", "/api/online/applications/OL-1/materials")).isEqualTo(10L * 1024 * 1024);
        assertThat(limit("POST", "/api/admin/service-points/import")).isEqualTo(200L * 1024 * 1024);
        assertThat(limit("POST", "/api/admin/insured/import")).isEqualTo(200L * 1024 * 1024);
        assertThat(limit("POST", "/engine-rest/task/1/complete")).isEqualTo(1024 * 1024);
        assertThat(limit("POST", "/engine-rest/deployment/create")).isEqualTo(10L * 1024 * 1024);
        assertThat(limit("POST", "/camunda/api/engine/engine/default/deployment/create")).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void aRuleForOneMethodLeavesTheOthersToTheGeneralRule() {
        assertThat(rule("POST", "/api/admin/matters")).isEqualTo("matter");
        assertThat(rule("GET", "/api/admin/matters")).isEqualTo("json");
        assertThat(rule("PUT", "/api/issues/1/attachments")).isEqualTo("json");
    }

    @Test
    void pagesAndTheLoginFormHaveNoRule() {
        assertThat(policy.limitFor("POST", "/login")).isEmpty();
        assertThat(policy.limitFor("GET", "/tasklist.html")).isEmpty();
    }

    @Test
    void aProgramRenamedPdfIsRefused415NamingTheField() {
        MockMultipartFile renamed = new MockMultipartFile("scan", "身份证.pdf", "application/pdf", FileKindTest.exe());

        assertThatThrownBy(() -> policy.accept("attachment", renamed)).isInstanceOfSatisfying(RefusedRequest.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
            ApiProblem problem = refused.toProblem();
            assertThat(problem.field()).isEqualTo("scan");
            assertThat(problem.message()).contains("按内容识别", "PDF 文件", "PNG 图片", "JPEG 图片");
            assertThat(problem.messageEn()).contains("not its name", "PDF file");
        });
    }

    @Test
    void aPdfIsAcceptedWhateverItIsCalledOrDeclared() {
        MockMultipartFile pdf = new MockMultipartFile("scan", "scan.bin", "application/octet-stream", FileKindTest.pdf());
        assertThat(policy.accept("attachment", pdf)).isEqualTo(FileKind.PDF);
    }

    @Test
    void aKnownKindTheEndpointDoesNotTakeIsNamedInTheRefusal() throws IOException {
        MockMultipartFile zip = new MockMultipartFile("file", "photo.jpg", "image/jpeg", FileKindTest.zip());
        assertThatThrownBy(() -> policy.accept("attachment", zip)).isInstanceOfSatisfying(RefusedRequest.class, refused ->
                assertThat(refused.toProblem().message()).contains("文件内容是ZIP 压缩包"));
    }

    @Test
    void aPartOverItsRuleIsRefused413() {
        MockMultipartFile big = new MockMultipartFile("matter", "matter.zip", "application/zip", new byte[5 * 1024 * 1024 + 1]);
        assertThatThrownBy(() -> policy.accept("matter", big)).isInstanceOfSatisfying(RefusedRequest.class, refused -> {
            assertThat(refused.status()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
            assertThat(refused.toProblem().field()).isEqualTo("matter");
            assertThat(refused.toProblem().message()).contains("5 MB");
        });
    }

    @Test
    void anEmptyPartIsRefused400() {
        MockMultipartFile empty = new MockMultipartFile("file", "a.pdf", "application/pdf", new byte[0]);
        assertThatThrownBy(() -> policy.accept("attachment", empty)).isInstanceOfSatisfying(RefusedRequest.class, refused ->
                assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }

    @Test
    void aStreamedImportIsToldByItsFirstBytesAndHandedBackUnread() throws IOException {
        byte[] xlsx = FileKindTest.xlsx();
        BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(xlsx));

        assertThat(policy.accept("registry-import", "file", in)).isEqualTo(FileKind.ZIP);
        assertThat(in.readAllBytes()).as("the importer reads the file from its first byte").isEqualTo(xlsx);

        BufferedInputStream csv = new BufferedInputStream(new ByteArrayInputStream(FileKindTest.csv()));
        assertThat(policy.accept("registry-import", "file", csv)).isEqualTo(FileKind.TEXT);

        BufferedInputStream pdf = new BufferedInputStream(new ByteArrayInputStream(FileKindTest.pdf()));
        assertThatThrownBy(() -> policy.accept("registry-import", "file", pdf)).isInstanceOf(RefusedRequest.class);
    }

    @Test
    void aRuleNameNotConfiguredIsAProgrammingError() {
        assertThatThrownBy(() -> policy.limit("photos")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.accept("json", new MockMultipartFile("f", FileKindTest.pdf())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
