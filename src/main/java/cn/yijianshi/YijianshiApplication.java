package cn.yijianshi;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YijianshiApplication {

    public static void main(String[] args) {
        if (cn.yijianshi.system.RemoteBench.isRequested(args)) {
            // The bench's client drives running nodes over HTTP: no Spring, no engine of its own.
            System.exit(cn.yijianshi.system.RemoteBench.run(args));
        }
        SpringApplication app = new SpringApplication(YijianshiApplication.class);
        if (cn.yijianshi.system.Bench.isRequested(args)) {
            String problem = cn.yijianshi.system.Bench.scratchDatabaseProblem(args, System.getenv());
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            app.setAdditionalProfiles("bench");
            // The bench works tasks as the demo hall's people, also on a (scratch) MySQL database.
            args = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--yijianshi.demo-users=true"))
                    .toArray(String[]::new);
        }
        app.run(args);
    }
}
