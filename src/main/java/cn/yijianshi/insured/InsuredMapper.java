package cn.yijianshi.insured;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** 参保人员名册 in the table insured_person; SQL in InsuredMapper.xml; the import writes through RegistryWriter. */
@Mapper
public interface InsuredMapper {

    InsuredPerson find(@Param("idNumber") String idNumber);

    List<InsuredPerson> atPoint(@Param("point") String point, @Param("limit") int limit);

    long count();
}
