package cn.yijianshi.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The places an ID number's first characters may name (policy/id-number-regions.json): the provinces
 * of GB/T 2260 and the address codes of the 港澳台居民居住证. Data, so that a new code is a file change.
 */
public final class IdNumberRegions {

    private static final String FILE = "/policy/id-number-regions.json";

    record Province(String code, String name, Boolean foreignPermitIssuer) {
        boolean issuesForeignPermits() {
            return foreignPermitIssuer == null || foreignPermitIssuer;
        }
    }

    record ResidencePermitRegion(String code, String name, String addressCode) {
    }

    record File(String comment, String source, String date, List<Province> provinces,
                List<ResidencePermitRegion> residencePermitRegions) {
    }

    private static volatile IdNumberRegions shipped;

    private final Map<String, Province> provinces;
    private final Map<String, ResidencePermitRegion> permitRegions;

    IdNumberRegions(File file) {
        if (file.provinces() == null || file.provinces().isEmpty() || file.residencePermitRegions() == null) {
            throw new IllegalArgumentException(FILE + ": needs provinces and residencePermitRegions");
        }
        for (Province p : file.provinces()) {
            requireTwoDigits(p.code());
        }
        for (ResidencePermitRegion r : file.residencePermitRegions()) {
            requireTwoDigits(r.code());
            if (r.addressCode() == null || r.addressCode().length() != 6 || !r.addressCode().startsWith(r.code())) {
                throw new IllegalArgumentException(FILE + ": addressCode of " + r.code() + " must be 6 characters starting with it");
            }
        }
        this.provinces = file.provinces().stream().collect(Collectors.toUnmodifiableMap(Province::code, Function.identity()));
        this.permitRegions = file.residencePermitRegions().stream()
                .collect(Collectors.toUnmodifiableMap(ResidencePermitRegion::code, Function.identity()));
        if (provinces.keySet().stream().anyMatch(permitRegions::containsKey)) {
            throw new IllegalArgumentException(FILE + ": a code is both a province and a residence-permit region");
        }
    }

    private static void requireTwoDigits(String code) {
        if (code == null || code.length() != 2 || !ResidentIdNumber.allDigits(code)) {
            throw new IllegalArgumentException(FILE + ": code must be 2 digits, got " + code);
        }
    }

    /** The file shipped with the application, read once. */
    public static IdNumberRegions shipped() {
        IdNumberRegions regions = shipped;
        if (regions == null) {
            try (InputStream in = IdNumberRegions.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException(FILE + " is missing");
                }
                regions = new IdNumberRegions(new ObjectMapper().readValue(in, File.class));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FILE + ": " + e.getMessage(), e);
            }
            shipped = regions;
        }
        return regions;
    }

    /** The province a 居民身份证 begins with (GB/T 2260), if the code is one. */
    public Optional<String> province(String code) {
        return Optional.ofNullable(provinces.get(code)).map(Province::name);
    }

    /** The province that issued a 外国人永久居留身份证, if the code is one that issues them. */
    public Optional<String> foreignPermitIssuer(String code) {
        return Optional.ofNullable(provinces.get(code)).filter(Province::issuesForeignPermits).map(Province::name);
    }

    /** The 6-character address code a 港澳台居民居住证 with these first two characters carries, if any. */
    public Optional<String> residencePermitAddressCode(String code) {
        return Optional.ofNullable(permitRegions.get(code)).map(ResidencePermitRegion::addressCode);
    }

    public Optional<String> residencePermitRegion(String code) {
        return Optional.ofNullable(permitRegions.get(code)).map(ResidencePermitRegion::name);
    }
}
