package cn.yijianshi.insured;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;

import cn.yijianshi.system.RefusedRequest;
import cn.yijianshi.upload.FileKind;
import cn.yijianshi.upload.SheetUpload;
import cn.yijianshi.upload.UploadPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 参保人员名册导入 (administrators, /api/admin/**): the sheet as the raw body (the workbook's type, application/zip, or
 * text/csv), or as the form field "file", through {@link SheetUpload} (the upload policy's
 * {@code registry-import} rule: 200 MB, ZIP/.xlsx or UTF-8 text, told by content). Larger files are put in the
 * import directory on the server ({@code yijianshi.insured.import-dir}) and named by {@code path}.
 */
@RestController
public class InsuredImportController {

    private final InsuredImport importer;
    private final SheetUpload sheets;
    private final UploadPolicy uploads;
    private final Path importDir;

    public InsuredImportController(InsuredImport importer, SheetUpload sheets, UploadPolicy uploads,
                                   @Value("${yijianshi.insured.import-dir:./imports}") String importDir) {
        this.importer = importer;
        this.sheets = sheets;
        this.uploads = uploads;
        this.importDir = Path.of(importDir).toAbsolutePath().normalize();
    }

    public record ServerFile(@NotBlank(message = "必须填写文件名|is required") @Size(max = 255) String path) {
    }

    @PostMapping(value = "/api/admin/insured/import", consumes = {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/csv",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public InsuredImport.Imported importBody(HttpServletRequest request, Principal administrator) throws IOException {
        return sheets.fromBody(request, importer::importSheet, administrator.getName());
    }

    @PostMapping(value = "/api/admin/insured/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public InsuredImport.Imported importForm(@RequestPart(name = "file", required = false) MultipartFile file,
                                             Principal administrator) throws IOException {
        return sheets.fromForm(file, importer::importSheet, administrator.getName());
    }

    /** A file in the import directory, by its name there; nothing outside that directory is read. */
    @PostMapping(value = "/api/admin/insured/import-file", consumes = MediaType.APPLICATION_JSON_VALUE)
    public InsuredImport.Imported importServerFile(@RequestBody @Valid ServerFile body, Principal administrator)
            throws IOException {
        Path file = importDir.resolve(body.path()).normalize();
        if (!file.startsWith(importDir) || !Files.isRegularFile(file)) {
            throw RefusedRequest.badInput("path", "导入目录（" + importDir + "）中没有这个文件",
                    "no such file in the import directory (" + importDir + ")");
        }
        FileKind kind;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            kind = uploads.accept("registry-import", "path", in);
        }
        return importer.importFile(file, kind, administrator.getName());
    }
}
