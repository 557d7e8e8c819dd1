package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A derived id: {@code @EmbeddedId} whose parts {@code @MapsId} takes from to-one associations, the
 * key object left empty ({@code id = new EnrollmentId()}), as Hibernate fills it on persist.
 */
final class DerivedIdGroup implements EntityGroup {

    @Entity(name = "MdStudent")
    @Table(name = "md_students")
    static class Student {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String name;
    }

    @Entity(name = "MdCourse")
    @Table(name = "md_courses")
    static class Course {
        @Id
        Long id;
        String title;
    }

    @Embeddable
    static class EnrollmentId {
        Long studentId;
        Long courseId;

        @Override
        public boolean equals(Object o) {
            return o instanceof EnrollmentId other && Objects.equals(studentId, other.studentId)
                    && Objects.equals(courseId, other.courseId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(studentId, courseId);
        }
    }

    @Entity(name = "MdEnrollment")
    @Table(name = "md_enrollments")
    static class Enrollment {
        @EmbeddedId
        EnrollmentId id = new EnrollmentId();
        @MapsId("studentId")
        @ManyToOne
        Student student;
        @MapsId("courseId")
        @ManyToOne
        Course course;
        int grade;
    }

    final List<Student> students = new ArrayList<>();
    final List<Course> courses = new ArrayList<>();
    final List<Enrollment> enrollments = new ArrayList<>();

    DerivedIdGroup() {
        for (int i = 1; i <= 4; i++) {
            Student student = new Student();
            student.name = "student " + i;
            students.add(student);
        }
        for (long c = 1; c <= 3; c++) {
            Course course = new Course();
            course.id = 10 * c;
            course.title = "course " + c;
            courses.add(course);
        }
        for (Student student : students) {
            for (Course course : courses) {
                if ((student.name.hashCode() + course.id) % 2 == 0) {
                    Enrollment enrollment = new Enrollment();
                    enrollment.student = student;
                    enrollment.course = course;
                    enrollment.grade = (int) (course.id / 10) + student.name.length();
                    enrollments.add(enrollment);
                }
            }
        }
    }

    @Override
    public List<String> tables() {
        return List.of("md_students", "md_courses", "md_enrollments");
    }

    @Override
    public void persist(EntityManager em) {
        students.forEach(em::persist);
        courses.forEach(em::persist);
        enrollments.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Student.class, store -> students);
        tables.addTo(plan, Course.class, store -> courses);
        tables.addTo(plan, Enrollment.class, store -> enrollments);
    }

    @Override
    public List<Object> entities() {
        List<Object> all = new ArrayList<>(students);
        all.addAll(courses);
        all.addAll(enrollments);
        return all;
    }

    @Override
    public List<Object> more(EntityManager em) {
        Student student = new Student();
        student.name = "after the seed";
        Enrollment enrollment = new Enrollment();
        enrollment.student = student;
        enrollment.course = em.find(Course.class, 10L);
        return List.of(student, enrollment);
    }
}
