package cn.yijianshi.catalog;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;

import cn.yijianshi.system.RefusedRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** 上传事项 (administrators): a zip of one matter folder, as the body or as the form field "file". */
@RestController
public class MatterAdminController {

    private final MatterUpload upload;

    public MatterAdminController(MatterUpload upload) {
        this.upload = upload;
    }

    @PostMapping(value = "/api/admin/matters", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ResponseEntity<MatterUpload.Deployed> deploy(@RequestBody byte[] zip, Principal administrator) {
        MatterUpload.Deployed deployed = upload.deploy(zip, administrator.getName());
        return ResponseEntity.created(URI.create("/api/matters/" + deployed.key())).body(deployed);
    }

    @PostMapping(value = "/api/admin/matters", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<MatterUpload.Deployed> deployForm(@RequestPart(name = "file", required = false) MultipartFile file,
                                                             Principal administrator) throws IOException {
        if (file == null || file.isEmpty()) {
            throw RefusedRequest.badInput("file", "请选择事项包（zip）", "a matter package (zip) is required");
        }
        return deploy(file.getBytes(), administrator);
    }
}
