package cn.yijianshi.points;

import java.io.IOException;
import java.security.Principal;

import cn.yijianshi.upload.SheetUpload;
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
 * text/csv), or as the form field "file" from the registry page, through {@link SheetUpload} (the upload policy's
 * {@code registry-import} rule: 200 MB, ZIP/.xlsx or UTF-8 text, told by content).
 */
@RestController
public class ServicePointImportController {

    private final ServicePointImport importer;
    private final SheetUpload sheets;

    public ServicePointImportController(ServicePointImport importer, SheetUpload sheets) {
        this.importer = importer;
        this.sheets = sheets;
    }

    @PostMapping(value = "/api/admin/service-points/import", consumes = {
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/csv",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ServicePointImport.Imported importBody(HttpServletRequest request, Principal administrator) throws IOException {
        return sheets.fromBody(request, importer::importSheet, administrator.getName());
    }

    @PostMapping(value = "/api/admin/service-points/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ServicePointImport.Imported importForm(@RequestPart(name = "file", required = false) MultipartFile file,
                                                  Principal administrator) throws IOException {
        return sheets.fromForm(file, importer::importSheet, administrator.getName());
    }

    @ExceptionHandler(PointRefused.class)
    ResponseEntity<Object> refused(PointRefused e) {
        return ResponseEntity.badRequest().body(e.body());
    }
}
