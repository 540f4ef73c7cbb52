package cn.yijianshi.insured;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 参保人员名册 in the table insured_person; SQL in InsuredMapper.xml (the upsert differs on MySQL and H2). */
@Mapper
public interface InsuredMapper {

    /** Inserts or replaces the rows by ID number, in one statement. */
    int upsert(@Param("rows") List<InsuredPerson> rows);

    InsuredPerson find(@Param("idNumber") String idNumber);

    List<InsuredPerson> atPoint(@Param("point") String point, @Param("limit") int limit);

    long count();
}
