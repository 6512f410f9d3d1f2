/// Notification schedules: what is due, and whether what was submitted was on time and complete.
enum SchedulesModule {}
