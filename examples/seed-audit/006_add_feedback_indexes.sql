-- 006_add_feedback_indexes.sql
-- Feedback page got slow (>2s) once we passed ~200k rows.
-- Run during low traffic! (we did it at 2am on a Sunday)

CREATE INDEX idx_feedback_route ON feedback(route);
CREATE INDEX idx_feedback_category_created ON feedback(category, created_at DESC);
CREATE INDEX idx_feedback_user_email ON feedback(lower(user_email));
