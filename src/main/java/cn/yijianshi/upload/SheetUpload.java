package cn.yijianshi.upload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A registry sheet sent to an administrator's import (网点, 参保人员名册): as the raw request body, read straight from
 * the request (nothing held in memory or on disk), or as the form field "file" of a page. Either way the upload
 * policy's {@code registry-import} rule judges it by its content first (size, ZIP/.xlsx or UTF-8 text); only then
 * is it handed to the import.
 */
@Component
public class SheetUpload {

    static final String RULE = "registry-import";

    private final UploadPolicy uploads;

    public SheetUpload(UploadPolicy uploads) {
        this.uploads = uploads;
    }

    /** What reads an accepted sheet. */
    public interface SheetImport<T> {
        T importSheet(InputStream content, FileKind kind, String by) throws IOException;
    }

    /** The request's body is the sheet. */
    public <T> T fromBody(HttpServletRequest request, SheetImport<T> importer, String by) throws IOException {
        InputStream in = new BufferedInputStream(request.getInputStream(), 64 * 1024);
        FileKind kind = uploads.accept(RULE, "file", in);
        return importer.importSheet(in, kind, by);
    }

    /** The form field "file" is the sheet (missing: the policy's 400 naming {@code file}). */
    public <T> T fromForm(MultipartFile file, SheetImport<T> importer, String by) throws IOException {
        FileKind kind = uploads.accept(RULE, file);
        try (InputStream in = file.getInputStream()) {
            return importer.importSheet(in, kind, by);
        }
    }
}
