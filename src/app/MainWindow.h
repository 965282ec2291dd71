#pragma once
#include <QMainWindow>
namespace mtr::app {
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
};
} // namespace mtr::app
