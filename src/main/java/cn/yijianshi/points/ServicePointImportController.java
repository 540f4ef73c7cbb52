package cn.yijianshi.points;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;

import cn.yijianshi.upload.FileKind;
import cn.yijianshi.upload.UploadPolicy;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * 网点导入 (administrators, /api/admin/**): the sheet as the raw body (the workbook's type, application/zip, or
 * text/csv), read straight from the request, or as the form field "file" from the registry page. The upload policy's
 * {@code registry-import} rule limits it (200 MB, ZIP/.xlsx or UTF-8 text, told by content).
 */
@RestController
public class ServicePointImportController {

    private final ServicePointImport importer;
    private final UploadPolicy uploads;

    public ServicePointImportController(ServicePointImport importer, UploadPolicy uploads) {
        this.importer = importer;
        this.uploads = uploads;
    }

    @PostMapping(value = "/api/admin/service-points/import", consumes = {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/csv",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ServicePointImport.Imported importBody(HttpServletRequest request, Principal administrator) throws IOException {
        InputStream in = new BufferedInputStream(request.getInputStream(), 64 * 1024);
        FileKind kind = uploads.accept("registry-import", "file", in);
        return importer.importSheet(in, kind, administrator.getName());
    }

    @PostMapping(value = "/api/admin/service-points/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ServicePointImport.Imported importForm(@RequestPart(name = "file", required = false) MultipartFile file,
                                                  Principal administrator) throws IOException {
        FileKind kind = uploads.accept("registry-import", file);
        try (InputStream in = file.getInputStream()) {
            return importer.importSheet(in, kind, administrator.getName());
        }
    }

    @ExceptionHandler(PointRefused.class)
    ResponseEntity<Object> refused(PointRefused e) {
        return ResponseEntity.badRequest().body(e.body());
    }
}
