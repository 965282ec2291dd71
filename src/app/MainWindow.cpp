#include "app/MainWindow.h"
namespace mtr::app {
MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
}
} // namespace mtr::app
