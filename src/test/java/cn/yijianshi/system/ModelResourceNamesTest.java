package cn.yijianshi.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.MalformedURLException;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.UrlResource;

/** Models are named by their path from the model folder on, so two matters' matter.json never collide in a jar. */
class ModelResourceNamesTest {

    @Test
    void aModelInsideThePackagedJarKeepsItsFolder() throws MalformedURLException {
        assertThat(ModelResourceNames.nameOf(new UrlResource(
                "jar:file:/opt/hall/yijianshi.jar!/BOOT-INF/classes/processes/unemployment/matter.json")))
                .contains("processes/unemployment/matter.json");
        assertThat(ModelResourceNames.nameOf(new UrlResource(
                "jar:file:/opt/hall/yijianshi.jar!/BOOT-INF/classes/forms/retirement/intake.form")))
                .contains("forms/retirement/intake.form");
    }

    @Test
    void aModelInTheBuildFolderIsNamedTheSameWhereverTheBuildRan() {
        assertThat(ModelResourceNames.nameOf(new FileSystemResource("/work/main/target/classes/processes/retirement/matter.json")))
                .contains("processes/retirement/matter.json");
        assertThat(ModelResourceNames.nameOf(new FileSystemResource("/somewhere/else/classes/forms/hard-case/claim.form")))
                .contains("forms/hard-case/claim.form");
    }
}
