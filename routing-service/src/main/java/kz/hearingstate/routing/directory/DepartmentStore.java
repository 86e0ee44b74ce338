package kz.hearingstate.routing.directory;

import java.util.List;
import java.util.Optional;

import kz.hearingstate.storage.IndexedCollection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The {@code departments} collection, keyed by department code. Writes are guarded by {@code version}. */
@Component
public class DepartmentStore implements IndexedCollection {

    static final String COLLECTION = "departments";

    private final MongoTemplate mongo;

    public DepartmentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Class<?> documentType() {
        return Department.class;
    }

    /** Every query below is served by an index declared here. */
    @Override
    public List<Index> indexes() {
        return List.of(new Index().on("deleted", Sort.Direction.ASC).on("_id", Sort.Direction.ASC));
    }

    public Optional<Department> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Department.class));
    }

    /** Departments that are not deleted, by code. */
    public List<Department> active() {
        return mongo.find(Query.query(Criteria.where("deleted").is(false)).with(Sort.by("_id")), Department.class);
    }

    /** Every department, tombstones included. */
    public List<Department> all() {
        return mongo.find(new Query().with(Sort.by("_id")), Department.class);
    }

    /** @return false when a department with that code exists already */
    public boolean insert(Department department) {
        try {
            mongo.insert(department);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Replaces the department if it is still at {@code expectedVersion}. */
    public boolean replace(Department department, long expectedVersion) {
        Query current = Query.query(Criteria.where("_id").is(department.code()).and("version").is(expectedVersion));
        return mongo.findAndReplace(current, department) != null;
    }
}
