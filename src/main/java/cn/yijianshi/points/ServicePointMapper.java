package cn.yijianshi.points;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The registry's tables: service_point, service_point_matter, staff_point. SQL in ServicePointMapper.xml. */
@Mapper
public interface ServicePointMapper {

    void deleteAll(@Param("codes") Collection<String> codes);

    void deleteMatters(@Param("codes") Collection<String> codes);

    ServicePoint find(@Param("code") String code);

    List<String> mattersOf(@Param("code") String code);

    /** [point_code, matter] for the listed points among {@code codes}. */
    List<java.util.Map<String, Object>> mattersOfAll(@Param("codes") Collection<String> codes);

    /** Codes and levels of the points among {@code codes} that exist. */
    List<ServicePoint> levelsOf(@Param("codes") Collection<String> codes);

    /** {@code under}: a LIKE pattern ({@link ServicePointRegistry#subtree}). */
    List<ServicePoint> list(@Param("level") PointLevel level, @Param("matter") String matter,
                            @Param("under") String under, @Param("limit") int limit);

    /** Active points inside the box that handle the matter (any, when null): the nearest are picked in Java. */
    List<ServicePoint> inBox(@Param("matter") String matter, @Param("level") PointLevel level,
                             @Param("latMin") double latMin, @Param("latMax") double latMax,
                             @Param("lngMin") double lngMin, @Param("lngMax") double lngMax);

    /** Moves a subtree: every path that starts with {@code oldPrefix} gets {@code newPrefix} instead. */
    int movePaths(@Param("oldPrefix") String oldPrefix, @Param("oldPattern") String oldPattern,
                  @Param("newPrefix") String newPrefix);

    List<String> childLevels(@Param("code") String code);

    long count();

    String pointOf(@Param("userId") String userId);

    int updateStaffPoint(@Param("userId") String userId, @Param("pointCode") String pointCode,
                         @Param("by") String by, @Param("at") java.time.Instant at);

    void insertStaffPoint(@Param("userId") String userId, @Param("pointCode") String pointCode,
                          @Param("by") String by, @Param("at") java.time.Instant at);

    int deleteStaffPoint(@Param("userId") String userId);

    List<java.util.Map<String, Object>> staffOf(@Param("pointCode") String pointCode);
}
