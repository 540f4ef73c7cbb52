package cn.yijianshi.system;

import cn.yijianshi.intake.ResidentIdNumber;

/** Makes valid (checksummed) ID numbers of made-up people for the bench. */
final class BenchIdNumbers {

    private BenchIdNumbers() {
    }

    static String male(int year, int month, int day, int sequence) {
        int oddSequence = (sequence * 2 + 1) % 1000;
        return ResidentIdNumber.withCheckCharacter(String.format("110101%04d%02d%02d%03d", year, month, day, oddSequence));
    }
}
