package cn.yijianshi.system;

import java.util.Properties;

import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Names the database for MyBatis ({@code databaseId} "mysql" or "h2"), for the few statements that must be
 * written differently on each (an upsert). Statements that name no database run on both, as nearly all do.
 * Connector/J calls MariaDB "MySQL"; MariaDB's own driver calls it "MariaDB".
 */
@Configuration(proxyBeanMethods = false)
class SqlDialects {

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("MySQL", "mysql");
        vendors.setProperty("MariaDB", "mysql");
        vendors.setProperty("H2", "h2");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }
}
