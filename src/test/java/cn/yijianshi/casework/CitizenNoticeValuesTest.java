package cn.yijianshi.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.samskivert.mustache.Mustache;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;

/**
 * A notice's template reads the case's variables it names, one by one, with the values given first: a section over
 * a list, a missing variable as nothing, and never the whole variable set (which would deserialise every one).
 */
class CitizenNoticeValuesTest {

    private static final Mustache.Compiler MUSTACHE = Mustache.compiler().escapeHTML(false).emptyStringIsFalse(true)
            .zeroIsFalse(true).defaultValue("");

    @Test
    void aTemplateReadsOnlyTheVariablesItNamesAndTheGivenValuesComeFirst() {
        DelegateExecution execution = mock(DelegateExecution.class);
        Map<String, Object> variables = Map.of("approvedMonthlyPension", 3000, "missing", List.of("户口簿", "档案"),
                "caseId", "from-variables");
        when(execution.hasVariable(anyString())).thenAnswer(call -> variables.containsKey(call.<String>getArgument(0)));
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        Map<String, Object> given = new HashMap<>(Map.of("caseId", "RT-20260601-0001"));

        String text = MUSTACHE.compile("{{caseId}}：{{#approvedMonthlyPension}}核定 {{approvedMonthlyPension}} 元{{/approvedMonthlyPension}}"
                + "{{#missing}}缺{{.}}。{{/missing}}{{#hasFundAccount}}公积金{{/hasFundAccount}}{{nothing}}")
                .execute(new CitizenNotices.CaseValues(given, execution));

        assertThat(text).isEqualTo("RT-20260601-0001：核定 3000 元缺户口簿。缺档案。");
        verify(execution, never()).getVariables();
        verify(execution, never()).getVariable("caseId");
    }
}
