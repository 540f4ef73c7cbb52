package cn.yijianshi.window;

import java.security.Principal;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the window's screens and printed papers need to know about the hall and the clerk's station. */
@RestController
public class WindowController {

    private final WindowStation station;

    public WindowController(WindowStation station) {
        this.station = station;
    }

    @GetMapping("/api/window/station")
    public Map<String, Object> station(Principal user) {
        return Map.of("user", user.getName(), "hallName", station.hallName(), "hallPhone", station.hallPhone(),
                "servicePoint", Map.of("code", station.servicePointCode(), "name", station.servicePointName()));
    }
}
